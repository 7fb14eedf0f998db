# Credentials are best kept out of configuration files:
#   export ONEAPI_API_KEY=live_...
provider "oneapi" {
  # The seed documentation's base URL (the default); the same API is also
  # served at https://one-api.bsg.world.
  endpoint = "https://one-api.wwt.world"

  # Optional tuning.
  max_retries         = 4
  request_timeout     = "60s"
  requests_per_second = 5
}
