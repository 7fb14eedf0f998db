# Personal SMS: a text of its own to each phone, as one campaign.
variable "reminders" {
  description = "Phone number => reminder text."
  type        = map(string)
  default = {
    "380661231231" = "Jack, Rex is due for his shots on Friday."
    "380661231232" = "Anna, Tom is due for his shots on Monday."
  }
}

resource "oneapi_campaign" "vaccination_reminders" {
  personal_sms = {
    sender   = "Vet klinika"
    messages = [for phone, text in var.reminders : { phone = phone, text = text }]
  }

  validity_hours = 48
}
