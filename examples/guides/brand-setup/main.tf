# Brand setup as code: a new brand's sender name, its short-link domain (and
# the DNS record the platform asks for), its 2FA template, and its first
# campaign, whose text carries a short link on that domain. The campaign
# is sent only once the sender is registered and the domain is live.

variable "launch" {
  description = "Send the launch campaign: set it once moderation has registered the sender and the domain is active."
  type        = bool
  default     = false
}

variable "customers" {
  description = "The launch campaign's phones."
  type        = set(string)
  default     = ["380661231231", "380661231232"]
}

# The application for the SMS sender name. Moderation takes a while; the
# apply does not wait for it (wait_for_registration = true would).
resource "oneapi_sender_registration" "brand" {
  applicant         = "legal"
  type              = "sms"
  country_code      = "UA"
  sender            = "FlowerShop"
  code_of_company   = "31316718"
  tax_number        = "13167116014"
  legal_name        = "Flowers LLC"
  address           = "03026, Kyiv, Stolychne shose 103"
  description       = "Flower selling"
  informing_purpose = "order notifications and seasonal sales"
  site_url          = "https://flowers.example"
}

# The brand's own short-link domain. The platform answers with the DNS
# record it needs; the domain turns active once the platform sees it.
resource "oneapi_short_url_domain" "go" {
  name           = "go.flowers.example"
  slug_type      = "random"
  not_found_page = "https://flowers.example/404"
}

# The record goes to your DNS provider's record resource, in this same
# configuration, for example:
#
#   resource "cloudflare_dns_record" "go" {
#     zone_id = var.zone_id
#     type    = oneapi_short_url_domain.go.record_type
#     name    = oneapi_short_url_domain.go.hostname
#     content = oneapi_short_url_domain.go.cname
#     ttl     = 300
#   }
#
# terraform_data stands in for it here, so that the guide applies with
# nothing but this provider.
resource "terraform_data" "go_dns_record" {
  input = {
    type  = oneapi_short_url_domain.go.record_type
    name  = oneapi_short_url_domain.go.hostname
    value = oneapi_short_url_domain.go.cname
  }
}

# The 2FA template the brand's login codes go out with: One-API puts the
# code where the text says {code2fa}.
resource "oneapi_otp_template" "login" {
  name      = "FlowerShop login"
  text      = "FlowerShop: your login code is {code2fa}. Do not share it."
  countries = ["UA"]
}

# The account's registered SMS senders, read at plan.
data "oneapi_senders" "sms" {
  type = "sms"
}

# The launch: a short link on the brand's domain, and the campaign that
# carries it, made only with launch = true, and only once the domain is
# active and the sender registered: otherwise the plan fails with the
# reason, and nothing is created or sent.
resource "oneapi_short_link" "spring" {
  count         = var.launch ? 1 : 0
  domain_id     = oneapi_short_url_domain.go.id
  original_link = "https://flowers.example/spring?utm_source=sms"
  name          = "spring launch"

  lifecycle {
    precondition {
      condition     = oneapi_short_url_domain.go.status == "active"
      error_message = "The domain ${oneapi_short_url_domain.go.name} is ${oneapi_short_url_domain.go.status}: create its DNS record (${oneapi_short_url_domain.go.record_type} ${oneapi_short_url_domain.go.hostname} -> ${oneapi_short_url_domain.go.cname}) and apply again once the platform has seen it."
    }
  }
}

resource "oneapi_campaign" "spring" {
  count = var.launch ? 1 : 0

  recipients = {
    phones = var.customers
  }

  sms = {
    sender = oneapi_sender_registration.brand.sender
    text   = "Spring is here: 20% off every bouquet until Sunday. ${oneapi_short_link.spring[0].short_link}"
  }

  lifecycle {
    precondition {
      condition     = contains(data.oneapi_senders.sms.names, oneapi_sender_registration.brand.sender)
      error_message = "The sender ${oneapi_sender_registration.brand.sender} is not registered yet (its application is ${oneapi_sender_registration.brand.status}): nothing is sent. Apply again once moderation has registered it."
    }
  }
}

output "brand" {
  value = {
    sender_application = oneapi_sender_registration.brand.status
    domain             = oneapi_short_url_domain.go.status
    login_template     = oneapi_otp_template.login.id
    launch_link        = one(oneapi_short_link.spring[*].short_link)
  }
}
