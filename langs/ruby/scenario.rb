# Lists, rents, updates and deletes a phone number through the Ruby client that
# openapi-generator makes from openapi/phone_numbers.yaml, against the emulator named by
# CLOSE_BASE_URL. langs/run.py generates the client into build/, starts the emulator and
# sets CLOSE_BASE_URL, CLOSE_API_KEY and CLOSE_EMULATOR_ADMIN_URL. Renting costs money
# on the real API, so this program refuses any host but a loopback one.

$LOAD_PATH.unshift(File.join(__dir__, 'build', 'close_phone', 'lib'))
require 'close_phone'
require 'json'
require 'net/http'
require 'uri'

class Failure < StandardError; end

def check(condition, what)
  raise Failure, what unless condition

  puts "ok  #{what}"
end

def setting(name)
  value = ENV.fetch(name, '')
  raise Failure, "set #{name} (langs/run.py sets it for you)" if value.empty?

  value
end

def loopback(name)
  url = URI(setting(name))
  unless ['127.0.0.1', 'localhost', '::1'].include?(url.hostname)
    raise Failure, "#{name} must be the emulator on a loopback address, not #{url.host}: " \
                   'this scenario rents numbers'
  end
  url
end

# The spec offers two schemes on Authorization. The generated client applies every scheme an
# operation lists, so an unset OAuth token would overwrite the Basic key with "Bearer ":
# keep only the scheme that has a credential (langs/README.md, "check first").
def configured(base, key)
  config = ClosePhone::Configuration.new
  config.scheme = base.scheme
  config.host = "#{base.host}:#{base.port}"
  config.base_path = base.path
  config.username = key
  config.password = ''
  all = config.method(:auth_settings)
  config.define_singleton_method(:auth_settings) do
    all.call.select { |name, _| name == 'apiKey' || (name == 'oauth2' && access_token) }
  end
  config
end

# The emulator's admin route (no part of the spec) refuses the next rent with `status`.
def refuse_next_rent(admin, status)
  request = Net::HTTP::Put.new(URI("#{admin}/rent_status"), 'Content-Type' => 'application/json')
  request.body = JSON.generate(status: status, error: "Refused by the scenario (#{status}).", times: 1)
  response = Net::HTTP.start(admin.host, admin.port) { |http| http.request(request) }
  raise Failure, "the emulator refused to script a #{status} refusal" unless response.code == '200'
end

# The status of a call that must fail, and its decoded JSON body.
def refused
  yield
  raise Failure, 'the call succeeded but should not have'
rescue ClosePhone::ApiError => e
  [e.code, JSON.parse(e.response_body.to_s, symbolize_names: true)]
end

def run
  base = loopback('CLOSE_BASE_URL')
  admin = loopback('CLOSE_EMULATOR_ADMIN_URL')
  api = ClosePhone::PhoneNumbersApi.new(ClosePhone::ApiClient.new(configured(base, setting('CLOSE_API_KEY'))))
  anonymous = ClosePhone::PhoneNumbersApi.new(ClosePhone::ApiClient.new(configured(base, '')))

  code, body = refused { anonymous.list_phone_numbers }
  check(code == 401 && !body[:error].to_s.empty?, 'a request with an empty key is a 401 with a message')

  count = lambda do
    seen = 0
    skip = 0
    loop do
      page = api.list_phone_numbers(_skip: skip, _limit: 2, _fields: 'id')
      seen += page.data.length
      skip += page.data.length
      return seen unless page.has_more
    end
  end
  before = count.call
  check(before >= 0, "paging with _skip/_limit until has_more is false counts #{before} numbers")

  # A refusal's status is an open set: a known value and one the spec does not list both
  # arrive as the string Close sent.
  %w[has-voice-only number-blocked].each do |want|
    refuse_next_rent(admin, want)
    code, body = refused { api.rent_phone_number(ClosePhone::RentRequest.new(country: 'US', prefix: '650')) }
    refusal = ClosePhone::RentRefusal.build_from_hash(body)
    check(code == 400 && refusal.status == want, "a refused rent is a 400 whose status is kept (#{want})")
    check(!refusal.error.to_s.empty?, 'the refusal says why')
  end

  rented = api.rent_phone_number(ClosePhone::RentRequest.new(country: 'US', prefix: '650'))
  check(rented.id.match?(/\Aphon_[A-Za-z0-9]+\z/), "the rented number has an id (#{rented.id})")
  check(rented.number.start_with?('+1650'), "it is in area code 650 (#{rented.number})")
  check(rented.type == 'internal', 'a rented number is internal')

  found = api.list_phone_numbers(number: rented.number)
  check(found.data.length == 1 && found.data[0].id == rented.id,
        'filtering the list by `number` finds exactly the rented number')

  change = ClosePhone::PhoneNumberUpdate.new(label: 'Scenario (Ruby)', forward_to: '+16505550199',
                                             forward_to_enabled: true)
  # What would wipe a group's ring-along numbers: lists the caller never set, sent as [].
  sent = change.to_hash
  check(!sent.key?(:participants) && !sent.key?(:phone_numbers),
        'an update sends only the fields that were set, no empty lists')
  updated = api.update_phone_number(rented.id, change)
  check(updated.label == 'Scenario (Ruby)', 'the update sets the label')
  check(updated.forward_to == '+16505550199', 'the update sets forward_to')

  partial = api.get_phone_number(rented.id, _fields: 'id,label')
  check(partial.id == rented.id && partial.label == 'Scenario (Ruby)' && partial.number.nil?,
        '_fields=id,label gives only those fields')

  plain = { voicemail_greeting_url: 'http://greetings.example.com/plain.mp3' }
  begin
    ClosePhone::PhoneNumberUpdate.new(plain).then { |u| api.update_phone_number(rented.id, u) }
    refused_locally = false
  rescue ArgumentError
    refused_locally = true
  end
  check(refused_locally, "the client's own validation refuses a greeting over plain http")
  # The models check patterns in their setters; send the raw body to hear the server.
  code, body = refused do
    api.update_phone_number(rented.id, ClosePhone::PhoneNumberUpdate.new, debug_body: JSON.generate(plain))
  end
  check(code == 400 && body[:'field-errors']&.key?(:voicemail_greeting_url),
        'sent anyway, it is a 400 naming voicemail_greeting_url in field-errors')

  deleted = api.delete_phone_number(rented.id)
  check(deleted == {} || deleted.to_s == '{}', 'deleting answers an empty object')

  code, body = refused { api.get_phone_number(rented.id) }
  check(code == 404 && !body[:error].to_s.empty?, 'getting the deleted number is a 404 with a message')

  after = count.call
  check(after == before, "the organization is back to #{before} numbers")
end

begin
  run
rescue Failure => e
  warn "FAILED  #{e.message}"
  exit 1
end
