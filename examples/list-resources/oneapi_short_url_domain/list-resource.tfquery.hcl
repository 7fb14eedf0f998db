list "oneapi_short_url_domain" "all" {
  provider         = oneapi
  include_resource = true
}
