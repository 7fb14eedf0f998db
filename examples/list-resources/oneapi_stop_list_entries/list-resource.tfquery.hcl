# The account's SMS stop list, as one oneapi_stop_list_entries; without
# config, one result per channel that has phones.
list "oneapi_stop_list_entries" "sms" {
  provider         = oneapi
  include_resource = true

  config {
    channel = "sms"
  }
}
