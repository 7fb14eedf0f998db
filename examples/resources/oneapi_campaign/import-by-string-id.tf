import {
  to = oneapi_campaign.example
  id = "53708807"
}

# An imported campaign may omit its content: the API does not return it.
resource "oneapi_campaign" "example" {}
