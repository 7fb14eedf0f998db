# A campaign to a contact list managed in the same configuration, refused at
# plan (or, when a value is only known during apply, before it is created)
# if its sender is not registered, if its SMS parts cost more than the
# campaign may, or if its estimated price exceeds what the account can pay.

variable "sender" {
  type    = string
  default = "Shop"
}

resource "oneapi_contact_list" "vip" {
  name = "VIP customers"
}

variable "vip_phones" {
  type    = list(string)
  default = ["380661231231", "380661231232", "380661231233"]
}

resource "oneapi_contact" "vip" {
  count = length(var.vip_phones)

  phone         = var.vip_phones[count.index]
  contact_lists = [oneapi_contact_list.vip.id]
}

data "oneapi_senders" "sms" {
  type = "sms"
}

data "oneapi_balance" "current" {}

variable "max_cost" {
  type        = number
  description = "The most this campaign may cost, in the account's currency."
  default     = 1
}

locals {
  # What the campaign sends, and to whom: the estimate and the campaign read
  # the same values.
  sale = {
    groups = [oneapi_contact_list.vip.id]
    sender = var.sender
    text   = "Friday sale: 20% off everything"
  }
}

# At plan: the price of one SMS part to each phone of the list (read at plan,
# nothing is sent), times the parts the text is sent as.
data "oneapi_campaign_price" "one_part" {
  recipients = { phones = var.vip_phones }
  sender     = local.sale.sender
  text       = "."
}

locals {
  sale_sms  = provider::oneapi::sms_parts(local.sale.text)
  sale_cost = local.sale_sms.parts * data.oneapi_campaign_price.one_part.price
}

# The estimate counts the list's contacts, so it is read after they exist.
data "oneapi_campaign_price" "sale" {
  recipients = { groups = local.sale.groups }
  sender     = local.sale.sender
  text       = local.sale.text

  depends_on = [oneapi_contact.vip]
}

# The price and what the account could pay, recorded when the campaign is
# about to be sent. Once sent, the campaign has spent that balance: a check
# of today's balance would fail on every later plan. A new campaign (other
# content or recipients) is checked again with the values of its own time.
resource "terraform_data" "sale_budget" {
  triggers_replace = local.sale
  input = {
    price    = data.oneapi_campaign_price.sale.price
    currency = data.oneapi_campaign_price.sale.currency
    balance  = data.oneapi_balance.current.balance
    credit   = data.oneapi_balance.current.credit
  }

  lifecycle {
    ignore_changes = [input]
  }
}

resource "oneapi_campaign" "sale" {
  recipients = { groups = local.sale.groups }
  sms = {
    sender = local.sale.sender
    text   = local.sale.text
  }

  lifecycle {
    # A new sender, text or list replaces the campaign, and its budget is
    # checked during apply (the new values are recorded then). Create the
    # new campaign, checks first, before the old one is stopped: a refusal
    # leaves the sent campaign running.
    create_before_destroy = true

    precondition {
      condition     = contains(data.oneapi_senders.sms.names, var.sender)
      error_message = "SMS sender ${var.sender} is not registered and active for this account."
    }
    precondition {
      condition     = local.sale_cost <= var.max_cost
      error_message = "The text is ${local.sale_sms.parts} SMS part(s) in ${local.sale_sms.encoding} to ${length(var.vip_phones)} phones: ${format("%.3f", local.sale_cost)} ${data.oneapi_campaign_price.one_part.currency}, more than max_cost ${var.max_cost}. Shorten the text (see provider::oneapi::sms_parts) or raise max_cost."
    }
    precondition {
      condition     = terraform_data.sale_budget.output.price <= terraform_data.sale_budget.output.balance + terraform_data.sale_budget.output.credit
      error_message = "The campaign would cost ${terraform_data.sale_budget.output.price} ${terraform_data.sale_budget.output.currency}, more than the account had: balance ${terraform_data.sale_budget.output.balance} plus credit ${terraform_data.sale_budget.output.credit}. Top up or reduce the audience, then check again with: terraform apply -replace=terraform_data.sale_budget"
    }
  }
}
