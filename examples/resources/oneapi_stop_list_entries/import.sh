# A channel's stop list is imported by the channel. The configuration then
# adopts only the phones its phones lists: the other phones the import
# found stay on the stop list, and the next plan names them.
terraform import oneapi_stop_list_entries.sms sms
