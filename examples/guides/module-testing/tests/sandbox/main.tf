# Starts oneapi-sandbox, the local stand-in of the One-API platform, in the
# background on a free localhost port, and stops it when `terraform test`
# destroys this run's state (the last thing it does). Its clock is frozen
# (-clock-speed 0): a campaign stays in creation, so the assertions are
# exact. Needs a POSIX shell and nohup.

variable "sandbox_binary" {
  type        = string
  description = "The oneapi-sandbox binary: a path, or a name on PATH."
  default     = "oneapi-sandbox"
}

variable "api_key" {
  type        = string
  description = "The API key the stand-in accepts."
  default     = "test_module_testing"
}

locals {
  dir = "${path.cwd}/.terraform/oneapi-sandbox"
}

resource "terraform_data" "sandbox" {
  input = { dir = local.dir }

  provisioner "local-exec" {
    command = <<-EOT
      mkdir -p '${local.dir}' && rm -f '${local.dir}/url'
      nohup '${var.sandbox_binary}' -listen 127.0.0.1:0 -api-key '${var.api_key}' -clock-speed 0 -url-file '${local.dir}/url' </dev/null >'${local.dir}/log' 2>&1 &
      pid=$!
      echo "$pid" >'${local.dir}/pid'
      for _ in $(seq 100); do
        [ -s '${local.dir}/url' ] && exit 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      cat '${local.dir}/log' >&2
      exit 1
    EOT
  }

  # Stops the stand-in and waits until it says so.
  provisioner "local-exec" {
    when    = destroy
    command = <<-EOT
      kill "$(cat '${self.input.dir}/pid')" 2>/dev/null || exit 0
      for _ in $(seq 100); do
        grep -q '^oneapi-sandbox stopped' '${self.input.dir}/log' && exit 0
        sleep 0.1
      done
    EOT
  }
}

output "url_file" {
  value      = "${local.dir}/url"
  depends_on = [terraform_data.sandbox]
}

output "api_key" {
  value = var.api_key
}
