# A campaign's start time as the platform shows it, in the account's zone.
variable "time_zone" {
  type        = string
  description = "The account's time zone: the same value as the provider's time_zone."
  default     = "Europe/Kyiv"
}

output "start_at" {
  value = provider::oneapi::start_at("2026-06-01T07:00:00Z", var.time_zone)
}
