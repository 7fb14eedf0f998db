# A company applies for the SMS sender name "FlowerShop" in Ukraine, and
# the apply waits (up to two hours) until moderation registers it.
resource "oneapi_sender_registration" "brand" {
  applicant         = "legal"
  type              = "sms"
  country_code      = "UA"
  sender            = "FlowerShop"
  code_of_company   = "31316718"
  tax_number        = "13167116014"
  legal_name        = "Flowers LLC"
  address           = "03026, Kyiv, Stolychne shose 103"
  description       = "Flower selling"
  informing_purpose = "notifications for customers"
  site_url          = "https://flowers.example"

  wait_for_registration = true
  timeouts = {
    create = "2h"
  }
}

# An individual applies for a Viber sender in Germany, without waiting.
resource "oneapi_sender_registration" "tutor" {
  applicant         = "natural"
  type              = "viber"
  country_code      = "DE"
  sender            = "Anna"
  name              = "Anna Schmidt"
  code_of_company   = "00032106"
  description       = "Piano lessons"
  informing_purpose = "lesson reminders"
}

# Use the sender only once it is registered.
data "oneapi_senders" "sms" {
  type       = "sms"
  depends_on = [oneapi_sender_registration.brand]

  lifecycle {
    postcondition {
      condition     = contains(self.names, oneapi_sender_registration.brand.sender)
      error_message = "The sender FlowerShop is not registered yet."
    }
  }
}
