# Starts oneapi-sandbox, the local stand-in of the One-API platform, in the
# background on a free localhost port, and stops it when `terraform test`
# destroys this run's state (the last thing it does), or when terraform
# ends without doing so. Its clock is frozen (-clock-speed 0): a campaign
# stays in creation, so the assertions are exact. Needs a POSIX shell and
# nohup.

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
      # Stops the stand-in if terraform ends without destroying this
      # (killed, or its CI job cancelled).
      tf=$PPID
      nohup sh -c "while kill -0 $pid; do kill -0 $tf || { kill $pid; exit; }; sleep 1; done" </dev/null >/dev/null 2>&1 &
      for _ in $(seq 100); do
        [ -s '${local.dir}/url' ] && exit 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      cat '${local.dir}/log' >&2
      exit 1
    EOT
  }

  # Stops the stand-in and waits until it says so. One that has not
  # stopped 10 s later is killed, and the destroy fails saying so (the
  # line is also appended to its log).
  provisioner "local-exec" {
    when    = destroy
    command = <<-EOT
      pid="$(cat '${self.input.dir}/pid' 2>/dev/null)" && kill "$pid" 2>/dev/null || exit 0
      for _ in $(seq 100); do
        grep -q '^oneapi-sandbox stopped' '${self.input.dir}/log' && exit 0
        sleep 0.1
      done
      if kill -9 "$pid" 2>/dev/null; then
        echo "oneapi-sandbox (pid $pid) did not stop within 10 s of SIGTERM; killed it" | tee -a '${self.input.dir}/log' >&2
        exit 1
      fi
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
