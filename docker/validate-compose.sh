#!/usr/bin/env bash
# Validates the compose files without a Docker engine.
#
#   docker/validate-compose.sh                 # compose.yaml and compose.cluster.yaml
#   docker/validate-compose.sh path/to/x.yaml  # other files
#
# For each file it checks, with dummy values for the required variables:
#   1. `compose config`: YAML, the Compose schema, interpolation and references
#      (depends_on, named volumes, the build context directory);
#   2. the file refuses to render without POSTGRES_PASSWORD / MINYI_ADMIN_PASSWORD;
#   3. every build Dockerfile and bind-mounted file exists;
#   4. every bind-mounted nginx configuration passes `nginx -t`.
# Exit status is non-zero if any file fails.
#
# Tools: `docker compose` (v2 plugin) if present, else `docker-compose`; if neither
# is there, Debian's docker-compose package is installed (root or sudo needed).
# Neither needs a running engine for `config`. nginx -t uses an installed nginx,
# else the binary of Debian's nginx package, downloaded and unpacked into a
# temporary folder (nothing is installed, no service is started).
# Set VALIDATE_NGINX=0 to skip step 4.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
required_vars=(POSTGRES_PASSWORD MINYI_ADMIN_PASSWORD)

log() { printf '%s\n' "$*"; }
die() { printf 'validate-compose: %s\n' "$*" >&2; exit 2; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		die "need root or sudo to run: $*"
	fi
}

apt_updated=0
apt_install() {
	command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install $* by hand"
	if [ "$apt_updated" -eq 0 ]; then
		as_root apt-get update -qq
		apt_updated=1
	fi
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- tools -------------------------------------------------------------------
if docker compose version >/dev/null 2>&1; then
	compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
	compose=(docker-compose)
else
	log "Installing Debian's docker-compose ..."
	apt_install docker-compose
	compose=(docker-compose)
fi
if ! python3 -c 'import yaml' >/dev/null 2>&1; then
	log "Installing python3-yaml ..."
	apt_install python3 python3-yaml
fi
log "Using: ${compose[*]} ($("${compose[@]}" version --short 2>/dev/null || "${compose[@]}" version | head -n 1))"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Dummy values, both in an env file (instead of a local docker/.env) and in the
# environment (which compose prefers, so stray values in the caller's shell do not count).
dummy_values=(
	POSTGRES_PASSWORD=validate-dummy-db-password
	MINYI_ADMIN_PASSWORD=validate-dummy-admin-password
	MINYI_DEMO_DATA=false
)
dummy_env="$work/dummy.env"
printf '%s\n' "${dummy_values[@]}" >"$dummy_env"
empty_env="$work/empty.env"
: >"$empty_env"

unset_required=()
for v in "${required_vars[@]}"; do unset_required+=(-u "$v"); done

# --- nginx -t -----------------------------------------------------------------
nginx_bin=""
find_nginx() {
	[ -n "$nginx_bin" ] && return 0
	if command -v nginx >/dev/null 2>&1; then
		nginx_bin="$(command -v nginx)"
		return 0
	fi
	command -v apt-get >/dev/null 2>&1 || die "nginx not found and apt-get unavailable (VALIDATE_NGINX=0 skips this check)"
	log "Fetching Debian's nginx package (unpacked into a temporary folder, not installed) ..."
	mkdir -p "$work/nginx-deb"
	if ! (cd "$work/nginx-deb" && apt-get download nginx >/dev/null 2>&1); then
		as_root apt-get update -qq
		(cd "$work/nginx-deb" && apt-get download nginx >/dev/null)
	fi
	dpkg -x "$work"/nginx-deb/nginx_*.deb "$work/nginx-root"
	nginx_bin="$work/nginx-root/usr/sbin/nginx"
	[ -x "$nginx_bin" ] || die "no nginx binary in Debian's nginx package"
}

# $1: a server-block configuration as mounted into /etc/nginx/conf.d/.
nginx_check() {
	local conf="$1" p="$work/nginx-test"
	find_nginx
	rm -rf "$p" && mkdir -p "$p/tmp"
	# Compose service names do not resolve here: point upstream servers at loopback.
	sed -E 's/^([[:space:]]*server[[:space:]]+)[A-Za-z0-9._-]+:([0-9]+)/\1127.0.0.1:\2/' "$conf" >"$p/site.conf"
	cat >"$p/nginx.conf" <<EOF
error_log stderr;
pid $p/nginx.pid;
events {}
http {
    client_body_temp_path $p/tmp;
    proxy_temp_path $p/tmp;
    fastcgi_temp_path $p/tmp;
    uwsgi_temp_path $p/tmp;
    scgi_temp_path $p/tmp;
    access_log off;
    include $p/site.conf;
}
EOF
	"$nginx_bin" -t -q -e stderr -p "$p" -c "$p/nginx.conf"
}

# --- per file -----------------------------------------------------------------
# Prints "nginx <path>" for bind-mounted nginx configurations; fails on missing files.
check_references() {
	python3 - "$1" <<'PY'
import os, sys, yaml

rendered = yaml.safe_load(open(sys.argv[1]))
errors = []
for name, svc in (rendered.get("services") or {}).items():
    build = svc.get("build")
    if isinstance(build, str):
        build = {"context": build}
    if isinstance(build, dict):
        ctx = build.get("context", ".")
        dockerfile = os.path.join(ctx, build.get("dockerfile", "Dockerfile"))
        if "://" not in ctx and not os.path.isfile(dockerfile):
            errors.append(f"service {name}: Dockerfile {dockerfile} not found")
    for vol in svc.get("volumes") or []:
        if isinstance(vol, dict):  # compose v2 long syntax
            if vol.get("type") != "bind":
                continue
            source, target = vol.get("source", ""), vol.get("target", "")
        else:  # docker-compose 1.x: "source:target[:mode]"
            source, target = (vol.split(":") + [""])[:2]
            if not source.startswith("/"):
                continue  # a named volume
        if not os.path.exists(source):
            errors.append(f"service {name}: bind mount source {source} not found")
        elif target.startswith("/etc/nginx/") and target.endswith(".conf"):
            print("nginx", source)
for e in errors:
    print(e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY
}

validate() {
	local file="$1" rendered="$work/rendered.yaml" refs
	[ -f "$file" ] || { log "FAIL $file: no such file"; return 1; }

	if ! env "${dummy_values[@]}" "${compose[@]}" --env-file "$dummy_env" -f "$file" config >"$rendered" 2>"$work/err"; then
		log "FAIL $file: compose config rejected it:"
		sed 's/^/    /' "$work/err"
		return 1
	fi

	if env "${unset_required[@]}" "${compose[@]}" --env-file "$empty_env" -f "$file" config -q >/dev/null 2>&1; then
		log "FAIL $file: renders without ${required_vars[*]}; use \${VAR:?message} for required secrets"
		return 1
	fi

	if ! refs="$(check_references "$rendered" 2>"$work/err")"; then
		log "FAIL $file:"
		sed 's/^/    /' "$work/err"
		return 1
	fi

	if [ "${VALIDATE_NGINX:-1}" != 0 ]; then
		local kind conf
		while read -r kind conf; do
			[ "$kind" = nginx ] || continue
			find_nginx
			if ! nginx_check "$conf" >"$work/err" 2>&1; then
				log "FAIL $file: nginx -t rejects $conf:"
				sed 's/^/    /' "$work/err"
				return 1
			fi
			log "     $conf: nginx -t ok"
		done <<<"$refs"
	fi

	log "OK   $file"
}

if [ "$#" -gt 0 ]; then
	files=("$@")
else
	files=("$here/compose.yaml" "$here/compose.cluster.yaml")
fi

status=0
for f in "${files[@]}"; do
	validate "$f" || status=1
done
if [ "$status" -ne 0 ]; then
	log "Compose validation failed."
else
	log "All compose files are valid."
fi
exit "$status"
