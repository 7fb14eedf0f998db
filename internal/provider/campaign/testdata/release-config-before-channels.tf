terraform {
  required_providers {
    oneapi = { source = "oneapi-terraform/oneapi" }
  }
}
resource "oneapi_contact_list" "l" { name = "fixture" }
resource "oneapi_contact" "c" {
  phone         = "380661231231"
  contact_lists = [oneapi_contact_list.l.id]
}
resource "oneapi_campaign" "rcs_fallback" {
  recipients = { phones = ["380661231231", "380661231232"] }
  rcs        = { sender = "fixture_agent", text = "Hello" }
  sms_fallback = { sender = "fixture", text = "Hello by SMS", validity_hours = 24 }
  start_at   = timeadd(plantimestamp(), "48h")
  validity_hours = 48
  lifecycle { ignore_changes = [start_at] }
}
resource "oneapi_campaign" "rcs_cards" {
  recipients = { phones = ["380661231233"] }
  rcs = {
    sender = "fixture_agent"
    cards = [{ title = "T", text = "Card", media_url = "https://example.com/a.png",
      suggestions = [{ type = "link", text = "Go", url = "https://example.com/" }] }]
  }
  check_stop_list = false
}
resource "oneapi_campaign" "sms_groups" {
  depends_on  = [oneapi_contact.c]
  recipients  = { groups = [tonumber(oneapi_contact_list.l.id)] }
  sms         = { sender = "fixture", text = "Hello", transliterate = true }
  tariff_code = 0
  desired_state = "stopped"

}
