# Which of these phones are on the SMS stop list, whoever put them there.
data "oneapi_stop_list" "opted_out" {
  channel       = "sms"
  search_phones = ["380661231231", "380661231239"]
}

output "opted_out" {
  value = data.oneapi_stop_list.opted_out.phones
}
