# A short link on the account's domain, for a campaign's text
# ("Sale ends Sunday: ${oneapi_short_link.sale.short_link}").
resource "oneapi_short_url_domain" "go" {
  name = "go.example.com"
}

resource "oneapi_short_link" "sale" {
  domain_id     = oneapi_short_url_domain.go.id
  original_link = "https://shop.example.com/black-friday?utm_source=sms"
  name          = "black friday 2026"
  slug          = "bf2026"
}

output "sale_link" {
  value = oneapi_short_link.sale.short_link
}
