# Quickstart: two RCS campaigns to a handful of test numbers, one sent now
# and one scheduled, both with an SMS fallback; a Viber-then-SMS cascade;
# an SMS campaign to a contact list managed here too; and a look at the
# account's campaigns. `make demo` runs it against the local stand-in API:
#   ONEAPI_ENDPOINT and ONEAPI_API_KEY point the provider at it.
terraform {
  required_providers {
    oneapi = {
      source = "oneapi-terraform/oneapi"
    }
  }
}

provider "oneapi" {}

variable "test_phones" {
  description = "Test numbers, 9 to 15 digits without a plus."
  type        = list(string)
  default     = ["380661231231", "380661231232", "380661231233", "380661231234", "380661231235", "380661231236"]
}

variable "scheduled_start" {
  description = "When the scheduled campaign starts: yyyy-mm-dd hh:mm:ss in the provider's time_zone (UTC by default), or RFC 3339; within the next 30 days. Default: three days after the first apply."
  type        = string
  default     = null
}

variable "scheduled_desired_state" {
  description = "Set to \"stopped\" to cancel the scheduled campaign."
  type        = string
  default     = "active"
}

resource "oneapi_campaign" "welcome" {
  recipients = { phones = var.test_phones }
  rcs = {
    sender = "demo_agent"
    text   = "Welcome! Your account is ready."
  }
  sms_fallback = {
    sender = "Demo"
    text   = "Welcome! Your account is ready."
  }
}

resource "oneapi_campaign" "reminder" {
  recipients = { phones = slice(var.test_phones, 0, 3) }
  rcs = {
    sender = "demo_agent"
    cards = [{
      title = "Your appointment"
      text  = "See you in three days."
      suggestions = [
        { type = "call", text = "Reschedule", phone = "380991112233" },
      ]
    }]
  }
  sms_fallback = {
    sender = "Demo"
    text   = "See you in three days. Call 380991112233 to reschedule."
  }
  start_at      = coalesce(var.scheduled_start, timeadd(plantimestamp(), "72h"))
  desired_state = var.scheduled_desired_state

  # plantimestamp() moves with every plan: keep the time the campaign was
  # created with.
  lifecycle {
    ignore_changes = [start_at]
  }
}

variable "viber_phones" {
  description = "Numbers for the Viber campaign. On the local stand-in, numbers ending in 0 have no Viber: they get the SMS."
  type        = list(string)
  default     = ["380661231240", "380661231241", "380661231242"]
}

# A cascade: Viber first, and an SMS to every recipient Viber cannot reach.
resource "oneapi_campaign" "spring_sale" {
  recipients = { phones = var.viber_phones }
  viber = {
    sender         = "ViberShop"
    text           = "Spring sale: 20% off everything until Sunday."
    button_caption = "Open the shop"
    link_url       = "https://example.com/sale"
  }
  sms_fallback = {
    sender = "Demo"
    text   = "Spring sale: 20% off everything until Sunday. https://example.com/sale"
  }
}

variable "staff_phones" {
  description = "The staff's numbers, kept in a contact list of their own."
  type        = list(string)
  default     = ["380661231237", "380661231238"]
}

resource "oneapi_contact_list" "staff" {
  name = "Demo staff"
}

resource "oneapi_contact" "staff" {
  for_each = toset(var.staff_phones)

  phone         = each.value
  contact_lists = [oneapi_contact_list.staff.id]
}

# A campaign to the list reaches every contact in it: the contacts are
# added first.
resource "oneapi_campaign" "staff_notice" {
  recipients = { groups = [oneapi_contact_list.staff.id] }
  sms = {
    sender = "Demo"
    text   = "The demo has started."
  }

  depends_on = [oneapi_contact.staff]
}

data "oneapi_campaigns" "demo_agent" {
  sender     = "demo_agent"
  depends_on = [oneapi_campaign.welcome, oneapi_campaign.reminder]
}

output "welcome" {
  value = "${oneapi_campaign.welcome.status}: sent ${oneapi_campaign.welcome.statistics.sent}, delivered ${oneapi_campaign.welcome.statistics.delivered}"
}

output "reminder" {
  value = "${oneapi_campaign.reminder.status} (starts ${oneapi_campaign.reminder.start_at})"
}

output "spring_sale" {
  value = "${oneapi_campaign.spring_sale.status}: Viber sent ${oneapi_campaign.spring_sale.statistics.sent}, delivered ${oneapi_campaign.spring_sale.statistics.delivered}; SMS fallback sent ${try(oneapi_campaign.spring_sale.sms_fallback_statistics.sent, 0)}"
}

output "staff_notice" {
  value = "${oneapi_campaign.staff_notice.status}, to contact list ${oneapi_contact_list.staff.id} with ${length(oneapi_contact.staff)} contacts"
}

output "demo_agent_campaigns" {
  value = join(", ", [for c in data.oneapi_campaigns.demo_agent.campaigns : "${c.id} ${c.status}"])
}
