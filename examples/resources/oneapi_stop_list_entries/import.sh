# A channel's stop list is imported by the channel: every phone the
# account has on it comes under the resource.
terraform import oneapi_stop_list_entries.sms sms
