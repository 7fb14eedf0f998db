# Send the sale's text to a test phone before the campaign goes out:
#
#   terraform apply -invoke=action.oneapi_message_send.proof
#
# The fixed reference_id makes it send once: invoked again, it reports the
# message already sent and sends nothing. Change it to send a new proof.
action "oneapi_message_send" "proof" {
  config {
    channel      = "sms"
    phone        = "380661231231"
    sender       = "Shop"
    text         = "Spring sale: 20% off everything until Sunday. example.com/sale"
    reference_id = "springsaleproof1"
  }
}

# WhatsApp messages are approved templates: a template instead of a text.
action "oneapi_message_send" "whatsapp_proof" {
  config {
    channel = "whatsapp"
    phone   = "380661231231"
    sender  = "whatsapp_sender"
    template = {
      name       = "spring_sale"
      language   = "en"
      components = [{ type = "body", parameters = [{ type = "text", text = "Ann" }] }]
    }
    reference_id = "springsalewaproof1"
  }
}
