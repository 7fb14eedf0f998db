data "oneapi_campaign" "launch" {
  id = "53708808"
}

output "launch_status" {
  value = data.oneapi_campaign.launch.status
}

output "launch_delivered" {
  value = data.oneapi_campaign.launch.statistics.delivered
}

output "launch_cost" {
  value = "${data.oneapi_campaign.launch.total_price} ${data.oneapi_campaign.launch.currency}"
}
