# The account's own short-link domain. The platform answers with the DNS
# record to create; hand it to your DNS provider's record resource in the
# same configuration, for example:
#
#   resource "cloudflare_dns_record" "go" {
#     zone_id = var.zone_id
#     type    = oneapi_short_url_domain.go.record_type
#     name    = oneapi_short_url_domain.go.hostname
#     content = oneapi_short_url_domain.go.cname
#     ttl     = 300
#   }
#
# The domain turns active once the platform sees the record; links on it
# can be created from then on.
resource "oneapi_short_url_domain" "go" {
  name           = "go.example.com"
  slug_type      = "random"
  not_found_page = "https://example.com/404"
}

output "go_dns_record" {
  value = {
    type  = oneapi_short_url_domain.go.record_type
    name  = oneapi_short_url_domain.go.hostname
    value = oneapi_short_url_domain.go.cname
  }
}
