# By identity (Terraform 1.12 and later): the form terraform query
# -generate-config-out writes. Here, the platform's own domain.
import {
  to       = oneapi_short_url_domain.system
  identity = { id = "db05af9e-107e-4ed6-b1ac-a373d90109c8" }
}

resource "oneapi_short_url_domain" "system" {
  name = "dev.shorty.tel"
}
