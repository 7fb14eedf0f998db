# Opt-outs as code: the phones that must never receive SMS, and a campaign
# that refuses, at plan, to go to any phone on the SMS stop list.

variable "customers" {
  type    = list(string)
  default = ["380661231231", "380661231232", "380661231233"]
}

# Phones the legal team has asked never to message. Others may be on the
# stop list too (subscribers who opted out): this resource leaves them be.
resource "oneapi_stop_list_entries" "sms" {
  channel = "sms"
  phones  = ["380661231239"]
}

# Every phone of the campaign that is on the SMS stop list, read after the
# entries above are applied.
data "oneapi_stop_list" "campaign" {
  channel       = "sms"
  search_phones = var.customers

  depends_on = [oneapi_stop_list_entries.sms]
}

# The opted-out phones as they were when the campaign was sent. Terraform
# checks preconditions on every plan: a customer who opts out after the
# campaign was sent must not block every later plan (a stop included). A
# new audience is checked again.
resource "terraform_data" "promo_opt_outs" {
  triggers_replace = var.customers
  input            = data.oneapi_stop_list.campaign.phones

  lifecycle {
    ignore_changes = [input]
  }
}

resource "oneapi_campaign" "promo" {
  recipients = { phones = var.customers }
  sms = {
    sender = "Shop"
    text   = "Spring sale: 20% off"
  }

  lifecycle {
    precondition {
      condition     = length(terraform_data.promo_opt_outs.output) == 0
      error_message = "These phones are on the SMS stop list and must not be messaged: ${join(", ", terraform_data.promo_opt_outs.output)}. Take them out of var.customers."
    }
  }
}
