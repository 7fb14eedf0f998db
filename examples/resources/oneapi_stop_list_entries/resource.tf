# Phones that must never receive SMS: reviewed in pull requests like any
# other change. Removing a phone takes it off the SMS stop list, and the
# plan names it; destroying the resource leaves every phone opted out.
resource "oneapi_stop_list_entries" "sms" {
  channel = "sms"
  phones = [
    "380661231231",
    "380661231232",
  ]
}

# The same phones must not receive RCS either: one resource per channel.
# With detach_on_destroy, destroying it lets RCS reach them again (the plan
# says which phones).
resource "oneapi_stop_list_entries" "rcs" {
  channel           = "rcs"
  phones            = oneapi_stop_list_entries.sms.phones
  detach_on_destroy = true
}
