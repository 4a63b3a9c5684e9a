// Command scenario lists, rents, updates and deletes a phone number through the Go
// client that openapi-generator makes from openapi/phone_numbers.yaml, against the
// emulator named by CLOSE_BASE_URL.
//
// langs/run.py starts the emulator and sets CLOSE_BASE_URL, CLOSE_API_KEY and
// CLOSE_EMULATOR_ADMIN_URL. Renting costs money on the real API, so this program
// refuses any host but the loopback one.
package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"

	"scenario/build/closephone"
)

type failure string

func (f failure) Error() string { return string(f) }

func check(condition bool, format string, args ...interface{}) {
	what := fmt.Sprintf(format, args...)
	if !condition {
		panic(failure(what))
	}
	fmt.Printf("ok  %s\n", what)
}

// answers checks that a call got the status want, and no error when want is a success.
func answers(response *http.Response, err error, want int, what string) {
	if status(response) != want || (want < 300 && err != nil) {
		panic(failure(fmt.Sprintf("%s: got %d (%v)", what, status(response), err)))
	}
	fmt.Printf("ok  %s\n", what)
}

func setting(name string) string {
	value := os.Getenv(name)
	if value == "" {
		panic(failure("set " + name + " (langs/run.py sets it for you)"))
	}
	return value
}

func loopback(name string) string {
	raw := setting(name)
	parsed, err := url.Parse(raw)
	if err != nil {
		panic(failure(fmt.Sprintf("%s is not a URL: %v", name, err)))
	}
	switch parsed.Hostname() {
	case "127.0.0.1", "localhost", "::1":
		return strings.TrimRight(raw, "/")
	}
	panic(failure(name + " must be the emulator on a loopback address, not " +
		parsed.Host + ": this scenario rents numbers"))
}

// refuseNextRent makes the emulator refuse the next rent with status, as Close does
// when it has no number to offer. The admin route is no part of the spec.
func refuseNextRent(admin, status string) {
	body := fmt.Sprintf(`{"status": %q, "error": "Refused by the scenario (%s).", "times": 1}`,
		status, status)
	request, err := http.NewRequest(http.MethodPut, admin+"/rent_status", strings.NewReader(body))
	if err != nil {
		panic(err)
	}
	request.Header.Set("Content-Type", "application/json")
	response, err := http.DefaultClient.Do(request)
	if err != nil || response.StatusCode != 200 {
		panic(failure(fmt.Sprintf("the emulator refused to script a %s refusal: %v", status, err)))
	}
	response.Body.Close()
}

// status is the HTTP status of a call, whether or not the client returned an error.
func status(response *http.Response) int {
	if response == nil {
		return 0
	}
	return response.StatusCode
}

// model is the decoded error body of a non-2xx answer, or nil.
func model(err error) interface{} {
	var apiErr *closephone.GenericOpenAPIError
	if errors.As(err, &apiErr) {
		return apiErr.Model()
	}
	return nil
}

func run() {
	base := loopback("CLOSE_BASE_URL")
	admin := loopback("CLOSE_EMULATOR_ADMIN_URL")
	cfg := closephone.NewConfiguration()
	// The spec's only server is Close's production API: point the client elsewhere.
	cfg.Servers = closephone.ServerConfigurations{{URL: base}}
	api := closephone.NewAPIClient(cfg).PhoneNumbersAPI
	// Close's Basic auth: the API key is the user name, the password is empty.
	ctx := context.WithValue(context.Background(), closephone.ContextBasicAuth,
		closephone.BasicAuth{UserName: setting("CLOSE_API_KEY")})

	_, response, err := api.ListPhoneNumbers(context.Background()).Execute()
	check(status(response) == 401, "a request without a key is a 401")
	unauthorized, ok := model(err).(closephone.Error)
	check(ok && unauthorized.Error != "", "the 401 body decodes to Error with a message")

	countNumbers := func() int {
		seen := 0
		for skip := int32(0); ; {
			page, response, err := api.ListPhoneNumbers(ctx).Skip(skip).Limit(2).Fields("id").Execute()
			if err != nil {
				panic(failure(fmt.Sprintf("listing failed with %d: %v", status(response), err)))
			}
			seen += len(page.Data)
			skip += int32(len(page.Data))
			if !page.HasMore {
				return seen
			}
		}
	}
	before := countNumbers()
	check(before >= 0, "paging with _skip/_limit until has_more is false counts %d numbers", before)

	// A refusal's status is an open set: a known one decodes to the enum, one the spec
	// does not list to the string branch, and neither is lost.
	for _, want := range []string{"has-voice-only", "number-blocked"} {
		refuseNextRent(admin, want)
		_, response, err := api.RentPhoneNumber(ctx).
			RentRequest(closephone.RentRequest{Country: "US", Prefix: closephone.PtrString("650")}).
			Execute()
		failed, ok := model(err).(closephone.RentFailure)
		check(status(response) == 400 && ok && failed.RentRefusal != nil,
			"a refused rent is a 400 that decodes to RentRefusal (%s)", want)
		said := failed.RentRefusal.Status
		if want == "has-voice-only" {
			check(said.RentRefusalStatus != nil &&
				*said.RentRefusalStatus == closephone.RENTREFUSALSTATUS_HAS_VOICE_ONLY,
				"a known status decodes to the RentRefusalStatus enum")
		} else {
			check(said.RentRefusalStatus == nil && said.String != nil && *said.String == want,
				"an unknown status is kept as a string (%s)", want)
		}
		check(failed.RentRefusal.GetError() != "", "the refusal says why")
	}

	rented, response, err := api.RentPhoneNumber(ctx).
		RentRequest(closephone.RentRequest{Country: "US", Prefix: closephone.PtrString("650")}).
		Execute()
	answers(response, err, 201, "renting in US 650 answers 201")
	id := rented.GetId()
	check(regexp.MustCompile(`^phon_[A-Za-z0-9]+$`).MatchString(id), "the rented number has an id (%s)", id)
	check(strings.HasPrefix(rented.GetNumber(), "+1650"), "it is in area code 650 (%s)", rented.GetNumber())
	kind := rented.GetType()
	check(kind.PhoneNumberType != nil && *kind.PhoneNumberType == closephone.PHONENUMBERTYPE_INTERNAL,
		"a rented number is internal")

	found, response, err := api.ListPhoneNumbers(ctx).Number(rented.GetNumber()).Execute()
	answers(response, err, 200, "the list filtered by `number` answers 200")
	check(len(found.Data) == 1 && found.Data[0].GetId() == id,
		"filtering the list by `number` finds exactly the rented number")

	change := closephone.NewPhoneNumberUpdate()
	change.SetLabel("Scenario (Go)")
	change.SetForwardTo("+16505550199")
	change.SetForwardToEnabled(true)
	updated, response, err := api.UpdatePhoneNumber(ctx, id).PhoneNumberUpdate(*change).Execute()
	answers(response, err, 200, "a partial update answers 200")
	check(updated.GetLabel() == "Scenario (Go)", "the update sets the label")
	check(updated.GetForwardTo() == "+16505550199", "the update sets forward_to")

	partial, response, err := api.GetPhoneNumber(ctx, id).Fields("id,label").Execute()
	answers(response, err, 200, "_fields=id,label answers 200")
	// The Go generator drops `required` inside allOf, so every PhoneNumber field is a
	// pointer and a partial object decodes into it with the missing fields nil.
	fields := partial
	check(fields != nil && fields.GetId() == id && fields.Label.IsSet() &&
		fields.Number == nil && fields.Type == nil && len(fields.AdditionalProperties) == 0,
		"_fields=id,label gives only those fields")

	plain := closephone.NewPhoneNumberUpdate()
	plain.SetVoicemailGreetingUrl("http://greetings.example.com/plain.mp3")
	_, response, err = api.UpdatePhoneNumber(ctx, id).PhoneNumberUpdate(*plain).Execute()
	check(status(response) == 400, "a greeting over plain http is a 400")
	invalid, ok := model(err).(closephone.ValidationError)
	named := ok && invalid.FieldErrors["voicemail_greeting_url"].String != nil
	check(named, "the 400 names voicemail_greeting_url in field-errors")

	deleted, response, err := api.DeletePhoneNumber(ctx, id).Execute()
	answers(response, err, 200, "deleting answers 200")
	check(len(deleted) == 0, "the delete body is an empty object")

	_, response, err = api.GetPhoneNumber(ctx, id).Execute()
	check(status(response) == 404, "getting the deleted number is a 404")
	missing, ok := model(err).(closephone.Error)
	check(ok && missing.Error != "", "the 404 body decodes to Error with a message")

	after := countNumbers()
	check(after == before, "the organization is back to %d numbers", before)
}

func main() {
	defer func() {
		if recovered := recover(); recovered != nil {
			if f, ok := recovered.(failure); ok {
				fmt.Fprintf(os.Stderr, "FAILED  %s\n", string(f))
				os.Exit(1)
			}
			panic(recovered)
		}
	}()
	run()
}
