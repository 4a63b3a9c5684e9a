"""One report format for every way of verifying: text summary, JUnit XML and Markdown.

A report collects, per operation, what was sent and which checks ran, and every
finding with the exchange that produced it, so each failure can name its operation,
check, JSON path, expected and actual value, and give a `curl` that reproduces it.
"""

from __future__ import annotations

import json
import re
import shlex
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

from ._exchange import Exchange
from ._scrub import _secret_forms
from ._validate import Finding

KEY_VARIABLE = "CLOSE_API_KEY"


def curl(exchange: Exchange, base_url: str, *, authenticated: bool = True) -> str:
    """A `curl` command that sends the exchange's request again; the key stays a variable."""
    url = base_url.rstrip("/") + exchange.path
    if exchange.query:
        url += "?" + urlencode(dict(exchange.query))
    parts = ["curl", "-sS", "-X", exchange.method]
    if authenticated:
        parts.append(f'-u "${KEY_VARIABLE}:"')
    if exchange.request_body is not None:
        body = json.dumps(exchange.request_body, separators=(",", ":"))
        parts += ["-H", shlex.quote("Content-Type: application/json"), "-d", shlex.quote(body)]
    parts.append(shlex.quote(url))
    return " ".join(parts)


def _any_index(path: str) -> str:
    return re.sub(r"\[[0-9]+\]", "[*]", path)


@dataclass(frozen=True)
class Problem:
    """A finding, how serious it is, and how to reproduce it."""

    finding: Finding
    severity: str  # "failure" or "warning"
    reproduce: str
    source: str

    def lines(self) -> list[str]:
        label = "FAIL" if self.severity == "failure" else "WARN"
        return [
            f"{label} {self.finding.describe()}",
            f"     from: {self.source}",
            f"     reproduce: {self.reproduce}",
        ]


@dataclass
class OperationTally:
    """What one operation was sent and which checks judged its answers."""

    operation: str
    sent: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    checks: set[str] = field(default_factory=set)
    failed_checks: set[str] = field(default_factory=set)

    @property
    def cases(self) -> int:
        return sum(self.sent.values())


@dataclass
class Report:
    """Everything one verification did and found."""

    target: str
    spec: str
    strict_observed: bool
    operations: dict[str, OperationTally] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The key the run used: masked wherever an answer echoed it (a body, a message).
    secrets: tuple[str, ...] = field(default=(), repr=False)
    _seen: set[tuple[str, str, str, str]] = field(default_factory=set, init=False, repr=False)

    def mask(self, text: str) -> str:
        """`text` with the key, and its Basic encodings, replaced by `[masked]`."""
        for secret in self.secrets:
            for form in _secret_forms(secret):
                if form:
                    text = text.replace(form, "[masked]")
        return text

    def tally(self, operation: str) -> OperationTally:
        return self.operations.setdefault(operation, OperationTally(operation))

    def record(
        self,
        exchange: Exchange,
        kind: str,
        checks: list[str],
        findings: list[Finding],
        *,
        base_url: str,
        authenticated: bool = True,
        source: str | None = None,
    ) -> None:
        """One exchange: counted under `kind` ("session", "positive"...), its findings kept."""
        tally = self.tally(exchange.operation)
        tally.sent[kind] += 1
        tally.statuses[exchange.status] += 1
        tally.checks.update(checks)
        reproduce = self.mask(curl(exchange, base_url, authenticated=authenticated))
        for finding in findings:
            if self.secrets:
                finding = replace(
                    finding,
                    path=self.mask(finding.path),
                    expected=self.mask(finding.expected),
                    got=self.mask(finding.got),
                )
            severity = "warning" if finding.observed and not self.strict_observed else "failure"
            if severity == "failure":
                tally.failed_checks.add(finding.check)
            tally.checks.add(finding.check)
            # One line per field and check, not per list item: the first item stands for all.
            seen = (finding.operation, finding.check, _any_index(finding.path), severity)
            if seen not in self._seen:
                self._seen.add(seen)
                problem = Problem(finding, severity, reproduce, source or f"{kind} {exchange.name}")
                self.problems.append(problem)

    @property
    def failures(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "failure"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        observed = "failures (strict)" if self.strict_observed else "warnings"
        lines = [
            f"close-phone-numbers verify: {self.target}",
            f"spec: {self.spec}; observed constraints count as {observed}",
            "",
        ]
        for name in sorted(self.operations):
            tally = self.operations[name]
            sent = ", ".join(f"{kind} {n}" for kind, n in sorted(tally.sent.items()))
            statuses = ", ".join(f"{s}: {n}" for s, n in sorted(tally.statuses.items()))
            lines.append(f"{name}: {tally.cases} cases ({sent}); answers {statuses}")
            lines.append(f"    checks: {', '.join(sorted(tally.checks))}")
        lines.append("")
        lines.extend(self.mask(note) for note in self.notes)
        for problem in self.problems:
            lines.extend(problem.lines())
        verdict = "verified" if self.ok else "CONTRACT BROKEN"
        cases = sum(t.cases for t in self.operations.values())
        lines.append(
            f"{verdict}: {len(self.operations)} operations, {cases} cases, "
            f"{len(self.failures)} failures, {len(self.warnings)} warnings"
        )
        return "\n".join(lines) + "\n"

    def junit(self) -> str:
        """One test case per operation and check, named `<operationId>.<check>`."""
        cases = [
            (op, check) for op, t in sorted(self.operations.items()) for check in sorted(t.checks)
        ]
        suite = ET.Element(
            "testsuite",
            name="close-phone-numbers verify",
            tests=str(len(cases)),
            failures=str(sum(1 for op, c in cases if c in self.operations[op].failed_checks)),
            errors="0",
            skipped="0",
        )
        suite.set("hostname", self.target)
        for op, check in cases:
            case = ET.SubElement(suite, "testcase", classname=f"verify.{op}", name=f"{op}.{check}")
            mine = [
                p for p in self.problems if p.finding.operation == op and p.finding.check == check
            ]
            failed = [p for p in mine if p.severity == "failure"]
            if failed:
                failure = ET.SubElement(
                    case, "failure", message=failed[0].finding.describe(), type=check
                )
                failure.text = "\n".join(line for p in failed for line in p.lines())
            warned = [p for p in mine if p.severity == "warning"]
            if warned:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(line for p in warned for line in p.lines())
        root = ET.Element("testsuites")
        root.append(suite)
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"

    def markdown(self) -> str:
        verdict = "✅ verified" if self.ok else "❌ contract broken"
        lines = [
            f"## close-phone-numbers verify: {verdict}",
            "",
            f"Target: {self.target}. Spec: {self.spec}.",
            "",
            "| operation | cases | sent | answers | checks |",
            "| --- | --- | --- | --- | --- |",
        ]
        for name in sorted(self.operations):
            t = self.operations[name]
            sent = ", ".join(f"{k} {n}" for k, n in sorted(t.sent.items()))
            statuses = ", ".join(f"{s}: {n}" for s, n in sorted(t.statuses.items()))
            lines.append(f"| `{name}` | {t.cases} | {sent} | {statuses} | {len(t.checks)} |")
        for title, problems in (("Failures", self.failures), ("Warnings", self.warnings)):
            if not problems:
                continue
            lines += ["", f"### {title}", ""]
            for p in problems:
                f = p.finding
                lines += [
                    f"- **{f.operation}** `{f.check}` at `{f.path}`: expected {f.expected}, "
                    f"got {f.got}" + (" (observed constraint)" if f.observed else ""),
                    "",
                    "  ```sh",
                    f"  {p.reproduce}",
                    "  ```",
                ]
        return "\n".join(lines) + "\n"

    def write(self, junit: Path | None, markdown: Path | None) -> None:
        for path, text in ((junit, self.junit), (markdown, self.markdown)):
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text(), encoding="utf-8")
