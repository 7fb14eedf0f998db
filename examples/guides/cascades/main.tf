# A Viber-first campaign to a contact list, with an SMS for every member
# Viber cannot reach, sent only from a registered Viber sender.
variable "members" {
  description = "The members' phones. On the local stand-in, numbers ending in 0 have no Viber."
  type        = list(string)
  default     = ["380661231250", "380661231251", "380661231252"]
}

variable "viber_sender" {
  type    = string
  default = "ViberShop"
}

variable "sale_state" {
  description = "Set to \"stopped\" to cancel the sale on both channels."
  type        = string
  default     = "active"
}

resource "oneapi_contact_list" "members" {
  name = "Club members"
}

resource "oneapi_contact" "member" {
  count         = length(var.members)
  phone         = var.members[count.index]
  contact_lists = [oneapi_contact_list.members.id]
}

data "oneapi_senders" "viber" {
  type = "viber"
}

resource "oneapi_campaign" "members_sale" {
  recipients = { groups = [oneapi_contact_list.members.id] }

  viber = {
    sender         = var.viber_sender
    text           = "Members' sale: 30% off this weekend."
    button_caption = "See the offers"
    link_url       = "https://example.com/members"
  }

  # The second channel: only members Viber cannot reach get (and cost) an SMS.
  sms_fallback = {
    sender = "Shop"
    text   = "Members' sale: 30% off this weekend. example.com/members"
  }

  validity_hours = 24
  desired_state  = var.sale_state

  depends_on = [oneapi_contact.member]

  lifecycle {
    precondition {
      condition     = contains(data.oneapi_senders.viber.names, var.viber_sender)
      error_message = "The Viber sender ${var.viber_sender} is not registered and active on the account: register it, or set var.viber_sender to one of ${join(", ", data.oneapi_senders.viber.names)}."
    }
  }
}

output "reach" {
  value = {
    status = oneapi_campaign.members_sale.status
    viber  = oneapi_campaign.members_sale.statistics
    sms    = oneapi_campaign.members_sale.sms_fallback_statistics
  }
}
