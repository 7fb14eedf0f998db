# The key comes from the environment, never from a file:
#   export ONEAPI_API_KEY=live_...
provider "oneapi" {
  # Every setting is optional. Unset, endpoint is https://one-api.wwt.world
  # (or ONEAPI_ENDPOINT; the same API is served at https://one-api.bsg.world)
  # and time_zone, the account's zone, is UTC (or ONEAPI_TIME_ZONE).
  max_retries         = 4
  request_timeout     = "60s"
  requests_per_second = 5
}
