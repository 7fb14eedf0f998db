# Opt-outs as code: the phones that must never receive SMS, and a campaign
# that the plan refuses, before anything is sent or stopped, when it would
# go to a phone on the SMS stop list.

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

# The customers on the SMS stop list today. Read at plan: its arguments are
# known then, and it has no depends_on (a data source that depends on a
# resource with changes is read only during apply, too late to refuse).
data "oneapi_stop_list" "customers" {
  channel       = "sms"
  search_phones = var.customers
}

locals {
  # Phones the resource above adds in this apply are not on the list yet:
  # they count too.
  opted_out_customers = sort(setintersection(var.customers, setunion(
    data.oneapi_stop_list.customers.phones, oneapi_stop_list_entries.sms.phones,
  )))
}

resource "oneapi_campaign" "promo" {
  recipients = { phones = var.customers }
  sms = {
    sender = "Shop"
    text   = "Spring sale: 20% off"
  }
}

# The time of the plan that sent the campaign: replaced, and so equal to
# plantimestamp(), only in a plan that creates or replaces the campaign;
# kept (ignore_changes) in every other plan.
resource "terraform_data" "promo_sent_at" {
  input = plantimestamp()

  lifecycle {
    ignore_changes       = [input]
    replace_triggered_by = [oneapi_campaign.promo.id]
  }
}

# The check. Every value it reads is known at plan, so a failing check fails
# the plan: nothing is sent and no campaign is stopped. It holds only in a
# plan that sends the campaign: a customer who opts out after the campaign
# went out blocks no later plan (a stop or a destroy included), but any plan
# that sends it again checks every customer again.
resource "terraform_data" "promo_opt_out_check" {
  lifecycle {
    precondition {
      condition     = terraform_data.promo_sent_at.input != plantimestamp() || length(local.opted_out_customers) == 0
      error_message = "These phones are on the SMS stop list and must not be messaged: ${join(", ", local.opted_out_customers)}. Take them out of var.customers."
    }
  }
}
