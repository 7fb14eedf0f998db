import {
  to = oneapi_campaign.example
  id = "53708808"
}
