# Plans the module against a mocked oneapi provider: the provider's schema is
# the real one, but nothing is configured, no request is made and no message
# is sent. Terraform 1.7 or later.

mock_provider "oneapi" {
  # Computed values that the platform would give. Without them a mocked
  # apply makes up random strings (and ids must be numbers here).
  mock_resource "oneapi_contact_list" {
    defaults = {
      id = "1864620"
    }
  }
  mock_resource "oneapi_contact" {
    defaults = {
      id = "248460001"
    }
  }
  mock_resource "oneapi_campaign" {
    defaults = {
      id         = "53708807"
      status     = "creation"
      statistics = { sent = 0, delivered = 0 }
    }
  }
}

variables {
  list_name = "Opening hours"
  phones    = ["380661231231", "380661231232"]
  sender    = "Shop"
  text      = "Our store opens at 9:00 tomorrow"
}

# What the module would send, read from the plan.
run "sends_the_text_to_the_phones" {
  command = plan

  assert {
    condition     = oneapi_campaign.this.sms.sender == "Shop"
    error_message = "The campaign's sender is ${oneapi_campaign.this.sms.sender}, want Shop."
  }
  assert {
    condition     = oneapi_campaign.this.sms.text == "Our store opens at 9:00 tomorrow"
    error_message = "The campaign's text is \"${oneapi_campaign.this.sms.text}\"."
  }
  assert {
    condition     = oneapi_contact_list.this.name == "Opening hours"
    error_message = "The contact list is named ${oneapi_contact_list.this.name}."
  }
  assert {
    condition     = toset([for c in oneapi_contact.this : c.phone]) == toset(["380661231231", "380661231232"])
    error_message = "The list's contacts are ${jsonencode([for c in oneapi_contact.this : c.phone])}, want the two phones."
  }
}

run "schedules_the_campaign" {
  command = plan

  variables {
    start_at = timeadd(timestamp(), "24h")
  }

  assert {
    condition     = oneapi_campaign.this.start_at == var.start_at
    error_message = "The campaign starts at ${coalesce(oneapi_campaign.this.start_at, "once")}, want ${var.start_at}."
  }
}

# A mocked apply: the values of mock_resource (and of override_resource)
# stand for the platform's answers.
run "sends_to_the_list_it_makes" {
  assert {
    condition     = oneapi_campaign.this.recipients.groups == toset([1864620])
    error_message = "The campaign goes to ${jsonencode(oneapi_campaign.this.recipients.groups)}, want the module's list 1864620."
  }
  assert {
    condition     = oneapi_campaign.this.status == "creation" && oneapi_campaign.this.statistics.sent == 0
    error_message = "A new campaign is in creation with nothing sent."
  }
}

run "reports_a_finished_campaign" {
  # The campaign of the run before is in the state: an override takes
  # effect on a create, so this run creates the campaign anew.
  plan_options {
    replace = [oneapi_campaign.this]
  }

  override_resource {
    target = oneapi_campaign.this
    values = {
      status     = "done"
      statistics = { sent = 2, delivered = 1 }
    }
  }

  assert {
    condition     = output.status == "done"
    error_message = "The status output is ${output.status}, want done."
  }
  assert {
    condition     = oneapi_campaign.this.statistics.delivered == 1
    error_message = "Delivered ${oneapi_campaign.this.statistics.delivered}, want 1."
  }
}

# What the module refuses, at plan, before anything is sent.
run "refuses_a_phone_with_a_plus" {
  command = plan

  variables {
    phones = ["+380661231231"]
  }

  expect_failures = [var.phones]
}

run "refuses_a_start_within_the_hour" {
  command = plan

  variables {
    start_at = timeadd(timestamp(), "10m")
  }

  expect_failures = [oneapi_campaign.this]
}
