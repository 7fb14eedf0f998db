data "oneapi_tariffs" "account" {}

# The codes a campaign's tariff_code may name.
output "active_tariff_codes" {
  value = data.oneapi_tariffs.account.active_codes
}
