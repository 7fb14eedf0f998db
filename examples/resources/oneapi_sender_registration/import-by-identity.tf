# By identity (Terraform 1.12 and later): the form terraform query
# -generate-config-out writes. An application filed in the web interface.
import {
  to       = oneapi_sender_registration.testsms
  identity = { id = "11631" }
}

resource "oneapi_sender_registration" "testsms" {
  applicant         = "natural"
  country_code      = "UA"
  sender            = "testsms"
  name              = "Oleksander Melnik"
  code_of_company   = "00032106"
  description       = "Flower selling"
  informing_purpose = "notifications for customers"
  site_url          = "https://bsg.world"
}
