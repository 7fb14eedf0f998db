# A module that sends one SMS campaign to a contact list it makes: the list,
# a contact per phone, and the campaign to the list once its contacts exist.

terraform {
  required_version = ">= 1.5"
  required_providers {
    oneapi = {
      source  = "oneapi-terraform/oneapi"
      version = "~> 0.1"
    }
  }
}

variable "list_name" {
  type        = string
  description = "Name of the contact list the campaign goes to (3 to 50 characters, unique in the account)."
  default     = "Module testing"
}

variable "phones" {
  type        = list(string)
  description = "The recipients: phone numbers, 9 to 15 digits without a plus."
  default     = ["380661231231", "380661231232"]

  validation {
    condition     = alltrue([for p in var.phones : can(regex("^[0-9]{9,15}$", p))])
    error_message = "Each phone must be 9 to 15 digits without a plus."
  }
}

variable "sender" {
  type        = string
  description = "The registered SMS sender."
  default     = "Shop"
}

variable "text" {
  type        = string
  description = "The SMS text."
  default     = "Our store opens at 9:00 tomorrow"
}

variable "start_at" {
  type        = string
  description = "When sending starts, RFC 3339 (for example timeadd(plantimestamp(), \"24h\")); null sends at once."
  default     = null
}

resource "oneapi_contact_list" "this" {
  name = var.list_name
}

resource "oneapi_contact" "this" {
  for_each = toset(var.phones)

  phone         = each.value
  contact_lists = [oneapi_contact_list.this.id]
}

resource "oneapi_campaign" "this" {
  recipients = { groups = [oneapi_contact_list.this.id] }
  sms = {
    sender = var.sender
    text   = var.text
  }
  start_at = var.start_at

  # The campaign goes to the list's contacts as they are when it is created.
  depends_on = [oneapi_contact.this]

  lifecycle {
    # A scheduled campaign starts at least an hour after the plan, so that
    # the plan's reviewer has the time to stop it.
    precondition {
      condition     = var.start_at == null ? true : timecmp(var.start_at, timeadd(plantimestamp(), "1h")) >= 0
      error_message = "start_at must be at least an hour after the plan."
    }
  }
}

output "contact_list_id" {
  value = oneapi_contact_list.this.id
}

output "campaign_id" {
  value = oneapi_campaign.this.id
}

output "status" {
  value = oneapi_campaign.this.status
}
