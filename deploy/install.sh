#!/bin/sh
# Install the parDesk provincial server's nginx site and systemd unit on Debian.
#
#   sudo deploy/install.sh --name cchc.example.gov.vn --cert /etc/ssl/pardesk/fullchain.pem \
#        --key /etc/ssl/pardesk/privkey.pem [--venv /opt/pardesk/venv] [--data /srv/pardesk] \
#        [--port 8443] [--listen 443]
#
# Only the @NAMES@ in deploy/nginx-pardesk.conf and deploy/pardesk-server.service are filled
# in; the rest is the configuration tests/adversarial/test_server_nginx.py runs against.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
venv=/opt/pardesk/venv data=/srv/pardesk port=8443 listen=443 name= cert= key=
while [ $# -gt 0 ]; do
    case "$1" in
        --venv) venv=$2 ;; --data) data=$2 ;; --port) port=$2 ;; --listen) listen=$2 ;;
        --name) name=$2 ;; --cert) cert=$2 ;; --key) key=$2 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift 2
done
[ -n "$name" ] && [ -n "$cert" ] && [ -n "$key" ] || { echo "--name, --cert and --key are required" >&2; exit 2; }

id pardesk >/dev/null 2>&1 || useradd --system --home-dir "$data" --shell /usr/sbin/nologin pardesk
install -d -o pardesk -g pardesk -m 0750 "$data"
sed -e "s|@LISTEN@|$listen|g" -e "s|@SERVER_NAME@|$name|g" -e "s|@TLS_CERT@|$cert|g" \
    -e "s|@TLS_KEY@|$key|g" -e "s|@UPSTREAM@|127.0.0.1:$port|g" \
    "$here/nginx-pardesk.conf" > /etc/nginx/sites-available/pardesk
ln -sf /etc/nginx/sites-available/pardesk /etc/nginx/sites-enabled/pardesk
sed -e "s|@VENV@|$venv|g" -e "s|@DATA@|$data|g" -e "s|@PORT@|$port|g" \
    "$here/pardesk-server.service" > /etc/systemd/system/pardesk-server.service
nginx -t
systemctl daemon-reload
systemctl enable --now pardesk-server
systemctl reload nginx
echo "pardesk-server on 127.0.0.1:$port behind nginx on :$listen ($name)"
