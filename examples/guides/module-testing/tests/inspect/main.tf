# Reads a campaign back from the platform (here, the stand-in): what it
# received, as the platform reports it.

terraform {
  required_providers {
    oneapi = {
      source  = "oneapi-terraform/oneapi"
      version = "~> 0.1"
    }
  }
}

variable "campaign_id" {
  type        = string
  description = "The campaign to read."
}

data "oneapi_campaign" "sent" {
  id = var.campaign_id
}
