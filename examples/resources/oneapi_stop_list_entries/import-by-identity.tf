# By identity (Terraform 1.12 and later).
import {
  to       = oneapi_stop_list_entries.viber
  identity = { id = "viber" }
}

resource "oneapi_stop_list_entries" "viber" {
  channel = "viber"
  phones  = ["380661231233"]
}
