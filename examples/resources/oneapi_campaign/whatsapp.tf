# A WhatsApp template campaign (template messages are the only kind the
# platform sends), with an SMS for recipients without WhatsApp.
resource "oneapi_campaign" "order_ready" {
  recipients = {
    phones = ["380661231231"]
  }

  whatsapp = {
    sender = "whatsapp_sender"
    template = {
      name     = "order_ready"
      language = "en"
      components = [{
        type       = "body"
        parameters = [{ type = "text", text = "Ann" }]
      }]
    }
  }

  sms_fallback = {
    sender         = "Shop"
    text           = "Ann, your order is ready for pickup."
    validity_hours = 12
  }
}
