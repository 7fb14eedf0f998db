# How many SMS a text makes, and in which encoding, before anything is sent.
variable "text" {
  type    = string
  default = "Привіт! Знижка 20% до неділі"
}

locals {
  sms = provider::oneapi::sms_parts(var.text)
}

output "sms" {
  value = "${local.sms.parts} part(s) in ${local.sms.encoding}: ${local.sms.characters} of at most ${local.sms.max_characters} characters"
}

# Refuse, in the module's own words, a text that would go out as more than
# two messages.
check "short_enough" {
  assert {
    condition     = local.sms.parts <= 2
    error_message = "The text is ${local.sms.parts} SMS parts; keep it to 2."
  }
}
