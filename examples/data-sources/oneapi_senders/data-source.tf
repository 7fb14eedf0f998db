data "oneapi_senders" "sms" {
  type = "sms"
}

output "sms_senders" {
  value = data.oneapi_senders.sms.names
}
