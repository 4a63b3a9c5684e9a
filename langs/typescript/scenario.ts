// List, rent, update and delete a phone number through a client generated from
// openapi/phone_numbers.yaml, against the emulator named by CLOSE_BASE_URL.
//
// langs/run.py starts the emulator and sets CLOSE_BASE_URL, CLOSE_API_KEY and
// CLOSE_EMULATOR_ADMIN_URL. Renting costs money on the real API, so this program
// refuses any host but the loopback one.
import createClient from "openapi-fetch";

import type { components, paths } from "./build/phone_numbers.js";

type Schemas = components["schemas"];

// Compile-time checks: if the generated types stop matching the spec's intent,
// tsc fails before anything runs.
// Open enums: a value Close adds later must still be a valid `type`.
const futureType: Schemas["PhoneNumberFields"]["type"] = "carrier-pigeon";
// Timestamps stay strings, so an offset-less one from an older rent is no parse error.
const naiveTimestamp: Schemas["Timestamp"] = "2019-05-01T10:00:00";
// @ts-expect-error `country` is required to rent.
const noCountry: Schemas["RentRequest"] = { prefix: "650" };
// @ts-expect-error a shortcode cannot be rented, though one can be reported.
const shortcode: Schemas["RentRequest"] = { country: "US", carrier_type: "shortcode" };
// @ts-expect-error PhoneNumberUpdate is closed: unknown fields are refused.
const stray: Schemas["PhoneNumberUpdate"] = { label: "x", colour: "blue" };
// @ts-expect-error Close's paths end with a slash; without one is no path at all.
const noSlash: keyof paths = "/phone_number";
void [futureType, naiveTimestamp, noCountry, shortcode, stray, noSlash];

class ScenarioFailure extends Error {}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) {
    throw new ScenarioFailure(what);
  }
  console.log(`ok  ${what}`);
}

// openapi-fetch types `error` as the union of every documented error body, whatever
// the status, so a message has to be found by shape.
function saysWhy(body: object | undefined): boolean {
  return body !== undefined && "error" in body && typeof body.error === "string";
}

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new ScenarioFailure(`set ${name} (langs/run.py sets it for you)`);
  }
  return value;
}

function loopback(name: string): string {
  const raw = setting(name);
  const url = new URL(raw);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new ScenarioFailure(
      `${name} must be the emulator on a loopback address, not ${url.host}: ` +
        "this scenario rents numbers",
    );
  }
  return raw.replace(/\/+$/, "");
}

// The emulator's admin route makes the next rent fail with `status`, as Close does
// when it has no number to offer; it is no part of the spec, so plain fetch.
async function refuseNextRent(admin: string, status: string): Promise<void> {
  const answer = await fetch(`${admin}/rent_status`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ status, error: `Refused by the scenario (${status}).`, times: 1 }),
  });
  if (!answer.ok) {
    throw new ScenarioFailure(`the emulator refused to script a ${status} refusal`);
  }
}

async function main(): Promise<void> {
  const baseUrl = loopback("CLOSE_BASE_URL");
  const admin = loopback("CLOSE_EMULATOR_ADMIN_URL");
  // Close's Basic auth: the API key is the user name, the password is empty.
  const basic = Buffer.from(`${setting("CLOSE_API_KEY")}:`).toString("base64");
  const close = createClient<paths>({ baseUrl, headers: { Authorization: `Basic ${basic}` } });
  const anonymous = createClient<paths>({ baseUrl });

  const refused = await anonymous.GET("/phone_number/");
  check(refused.response.status === 401, "a request without a key is a 401");
  check(saysWhy(refused.error), "the 401 body says why in `error`");

  const countNumbers = async (): Promise<number> => {
    let seen = 0;
    for (let skip = 0; ; ) {
      const page = await close.GET("/phone_number/", {
        params: { query: { _skip: skip, _limit: 2, _fields: "id" } },
      });
      if (page.data === undefined) {
        throw new ScenarioFailure(`listing failed with ${page.response.status}`);
      }
      seen += page.data.data.length;
      skip += page.data.data.length;
      if (!page.data.has_more) {
        return seen;
      }
    }
  };
  const before = await countNumbers();
  check(before >= 0, `paging with _skip/_limit until has_more is false counts ${before} numbers`);

  // A refusal's status is an open set: a known one and one the spec does not list
  // must both reach the caller as they were sent.
  for (const status of ["has-voice-only", "number-blocked"]) {
    await refuseNextRent(admin, status);
    const refusal = await close.POST("/phone_number/request/internal/", {
      body: { country: "US", prefix: "650" },
    });
    const body = refusal.error;
    check(
      refusal.response.status === 400 && body !== undefined && "status" in body,
      `a refused rent is a 400 with a status (${status})`,
    );
    check(body.status === status && saysWhy(body), `the refusal says ${status} and why`);
  }

  const rented = await close.POST("/phone_number/request/internal/", {
    body: { country: "US", prefix: "650" },
  });
  check(rented.response.status === 201, "renting in US 650 answers 201");
  const number = rented.data;
  check(number !== undefined, "the rent answer is a phone number");
  const id = number.id ?? "";
  check(/^phon_[A-Za-z0-9]+$/.test(id), `the rented number has an id (${id})`);
  check(number.number?.startsWith("+1650") === true, `it is in area code 650 (${number.number})`);
  check(number.type === "internal", "a rented number is internal");

  const found = await close.GET("/phone_number/", {
    params: { query: { number: number.number ?? "" } },
  });
  check(
    found.data?.data.length === 1 && found.data.data[0]?.id === id,
    "filtering the list by `number` finds exactly the rented number",
  );

  const updated = await close.PUT("/phone_number/{id}/", {
    params: { path: { id } },
    body: { label: "Scenario (TypeScript)", forward_to: "+16505550199", forward_to_enabled: true },
  });
  check(updated.response.status === 200, "a partial update answers 200");
  check(updated.data?.label === "Scenario (TypeScript)", "the update sets the label");
  check(updated.data.forward_to === "+16505550199", "the update sets forward_to");

  const partial = await close.GET("/phone_number/{id}/", {
    params: { path: { id }, query: { _fields: "id,label" } },
  });
  const keys = Object.keys(partial.data ?? {}).sort();
  check(keys.join(",") === "id,label", `_fields=id,label gives only those fields (${keys.join(",")})`);

  const http = await close.PUT("/phone_number/{id}/", {
    params: { path: { id } },
    body: { voicemail_greeting_url: "http://greetings.example.com/plain.mp3" },
  });
  check(http.response.status === 400, "a greeting over plain http is a 400");
  const invalid = http.error;
  check(
    invalid !== undefined &&
      "field-errors" in invalid &&
      typeof invalid["field-errors"].voicemail_greeting_url === "string",
    "the 400 names voicemail_greeting_url in field-errors",
  );

  const deleted = await close.DELETE("/phone_number/{id}/", { params: { path: { id } } });
  check(deleted.response.status === 200, "deleting answers 200");
  check(JSON.stringify(deleted.data) === "{}", "the delete body is an empty object");

  const gone = await close.GET("/phone_number/{id}/", { params: { path: { id } } });
  check(gone.response.status === 404, "getting the deleted number is a 404");
  check(saysWhy(gone.error), "the 404 body says why in `error`");

  const after = await countNumbers();
  check(after === before, `the organization is back to ${before} numbers`);
}

main().catch((error: unknown) => {
  const message = error instanceof ScenarioFailure ? error.message : String(error);
  console.error(`FAILED  ${message}`);
  process.exitCode = 1;
});
