# A voice campaign: the text is read out to each recipient by a call, and
# an SMS goes to every recipient the call does not reach (a cascade: POST
# /api/campaigns/send with channels = ["voice", "sms"]).
resource "oneapi_campaign" "appointment_calls" {
  recipients = {
    phones = ["380661231231", "380661231232"]
  }

  voice = {
    sender   = "Clinic"
    text     = "Your appointment is tomorrow at ten. Reply to the SMS to change it."
    category = "transactional"
    voice    = "dariya"
    language = "en"
  }

  sms_fallback = {
    sender = "Clinic"
    text   = "Your appointment is tomorrow at 10:00. Reply to change it."
  }
}

output "appointment_calls" {
  value = oneapi_campaign.appointment_calls.statistics
}
