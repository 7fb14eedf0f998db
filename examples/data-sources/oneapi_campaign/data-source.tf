data "oneapi_campaign" "launch" {
  id = "53708808"
}

output "launch_status" {
  value = data.oneapi_campaign.launch.status
}

output "launch_delivered" {
  value = data.oneapi_campaign.launch.statistics.delivered
}
