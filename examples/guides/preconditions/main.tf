# A campaign to a contact list managed in the same configuration, refused at
# plan (or, when a value is only known during apply, before it is created)
# if its sender is not registered or its estimated price exceeds what the
# account can pay.

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

# The estimate counts the list's contacts, so it is read after they exist.
data "oneapi_campaign_price" "sale" {
  recipients = { groups = [oneapi_contact_list.vip.id] }
  sender     = var.sender
  text       = "Friday sale: 20% off everything"

  depends_on = [oneapi_contact.vip]
}

resource "oneapi_campaign" "sale" {
  recipients = { groups = [oneapi_contact_list.vip.id] }
  sms = {
    sender = var.sender
    text   = "Friday sale: 20% off everything"
  }

  lifecycle {
    precondition {
      condition     = contains(data.oneapi_senders.sms.names, var.sender)
      error_message = "SMS sender ${var.sender} is not registered and active for this account."
    }
    precondition {
      condition     = data.oneapi_campaign_price.sale.price <= data.oneapi_balance.current.balance + data.oneapi_balance.current.credit
      error_message = "The campaign would cost ${data.oneapi_campaign_price.sale.price} ${data.oneapi_campaign_price.sale.currency}, more than the account's ${data.oneapi_balance.current.balance} plus credit."
    }
  }
}
