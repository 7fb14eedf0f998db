data "oneapi_balance" "current" {}

output "funds" {
  value = "${data.oneapi_balance.current.balance} ${data.oneapi_balance.current.currency}"
}
