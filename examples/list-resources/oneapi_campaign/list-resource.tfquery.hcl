# terraform query -generate-config-out=campaigns.tf writes a resource and an
# import block (by identity) for each campaign found; the configuration
# plans imports only.
list "oneapi_campaign" "agent" {
  provider         = oneapi
  include_resource = true
  limit            = 500

  config {
    sender       = "rcs_sender"
    status       = ["scheduled", "sending", "paused"]
    created_from = "2026-06-01 00:00:00"
  }
}
