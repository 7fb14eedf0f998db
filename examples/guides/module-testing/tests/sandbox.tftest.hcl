# Applies the module against oneapi-sandbox, the local stand-in of the
# One-API platform, started by the first run and stopped when the test
# ends: nothing leaves this machine. Needs oneapi-sandbox on PATH (or
# -var=sandbox_binary=PATH) and a POSIX shell.

run "start_sandbox" {
  module {
    source = "./tests/sandbox"
  }
}

# Read when a run uses the provider, after start_sandbox has written the
# stand-in's URL.
provider "oneapi" {
  endpoint = trimspace(file(run.start_sandbox.url_file))
  api_key  = run.start_sandbox.api_key
}

variables {
  list_name = "Opening hours"
  phones    = ["380661231231", "380661231232"]
  sender    = "Shop"
  text      = "Our store opens at 9:00 tomorrow"
}

run "send" {
  assert {
    condition     = oneapi_campaign.this.status == "creation"
    error_message = "The new campaign is ${oneapi_campaign.this.status}, want creation (the stand-in's clock is frozen)."
  }
  assert {
    condition     = oneapi_campaign.this.statistics.sent == 0 && oneapi_campaign.this.statistics.delivered == 0
    error_message = "The new campaign reports ${oneapi_campaign.this.statistics.sent} sent, ${oneapi_campaign.this.statistics.delivered} delivered, want none yet."
  }
  assert {
    condition     = oneapi_campaign.this.recipients.groups == toset([tonumber(oneapi_contact_list.this.id)])
    error_message = "The campaign goes to ${jsonencode(oneapi_campaign.this.recipients.groups)}, want the module's list ${oneapi_contact_list.this.id}."
  }
  assert {
    condition     = alltrue([for c in oneapi_contact.this : c.contact_lists == toset([tonumber(oneapi_contact_list.this.id)])])
    error_message = "Every contact belongs to the module's list."
  }
}

# The platform's own account of what it received.
run "check_what_arrived" {
  module {
    source = "./tests/inspect"
  }

  variables {
    campaign_id = run.send.campaign_id
  }

  assert {
    condition     = data.oneapi_campaign.sent.message_type == "sms" && data.oneapi_campaign.sent.sender == "Shop"
    error_message = "The platform holds a ${data.oneapi_campaign.sent.message_type} campaign of ${data.oneapi_campaign.sent.sender}, want an SMS campaign of Shop."
  }
  assert {
    condition     = data.oneapi_campaign.sent.total_phones == 2
    error_message = "The campaign reached ${data.oneapi_campaign.sent.total_phones} phones, want 2."
  }
  assert {
    condition     = data.oneapi_campaign.sent.detailed_statistics.moderation == 2
    error_message = "${data.oneapi_campaign.sent.detailed_statistics.moderation} messages in moderation, want 2."
  }
}
