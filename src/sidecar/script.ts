/**
 * The program of the UDP health-check sidecar: a busybox shell script, mounted from a ConfigMap.
 *
 * Kept as text here (not as a file beside the code) so that the construct, the tests and the benchmark all use the very
 * same bytes. In the source below, a dollar sign followed by a backslash and an opening brace stands for a dollar
 * sign and an opening brace, which would otherwise start a template substitution.
 */

const SOURCE = String.raw`# udp-health: the UDP health-check sidecar of k8s-udp-constructs.
#
# Probes UDP servers of its pod (bound socket, request/reply exchange, DNS query) every UDP_HEALTH_PERIOD seconds,
# keeps the last result in UDP_HEALTH_STATE_DIR, and answers health checks from that cached result:
#   HTTP  GET /healthz on UDP_HEALTH_HTTP_PORT: 200 while healthy, else 503, with the result and its age;
#   TCP   on UDP_HEALTH_TCP_PORT: the port accepts connections only while healthy.
# Checks never trigger probes, so a burst of checks from many load-balancer nodes costs nothing extra.
#
# Runs under busybox sh and calls only busybox applets (nc -ll -e, nslookup, awk, date, mv, rm, mkfifo, dd, timeout,
# wc, grep) of busybox's default configuration, which the official busybox image uses. The UDP client of the exchange
# mode is UDP_HEALTH_NC (default "busybox nc", which needs nc -u: busybox's netcat 1.10 port, in the official image).
#
# Probes, one per line of UDP_HEALTH_PROBES, fields separated by one space, octal-escaped where noted:
#   bound PORT
#   exchange HOST PORT TIMEOUT PAYLOAD EXPECT      (PAYLOAD, EXPECT: printf-escaped; EXPECT "-" for any reply)
#   dns HOST PORT TIMEOUT NAME TYPE RCODES         (RCODES: comma-separated, for example NOERROR,NXDOMAIN)
# Usage: sh udp-health.sh           run the prober and the listeners (the container's command)
#        sh udp-health.sh http      answer one HTTP request on stdin/stdout (run by nc -e)
set -f
umask 077
D=$\{UDP_HEALTH_STATE_DIR:-/run/udp-health}
P=$\{UDP_HEALTH_PERIOD:-5}
MAX_AGE=$\{UDP_HEALTH_MAX_AGE:-$((P * 3 + 10))}
NC=$\{UDP_HEALTH_NC:-busybox nc}
HTTP_PORT=$\{UDP_HEALTH_HTTP_PORT:-}
TCP_PORT=$\{UDP_HEALTH_TCP_PORT:-}
NL='
'

# --- one HTTP request: read at most a 512-byte request line and 24 header lines, each with a deadline -------------
serve_http() {
  exec 2>/dev/null
  cr=$(printf '\r')
  req=
  IFS= read -r -t 2 -n 512 req
  req=$\{req%"$cr"}
  n=0
  while [ "$n" -lt 24 ] && IFS= read -r -t 1 -n 1024 h; do
    h=$\{h%"$cr"}
    [ -z "$h" ] && break
    n=$((n + 1))
  done
  set -- $req
  method=$1
  path=$\{2%%\?*}
  code=400
  reason='Bad Request'
  body='bad request'
  case "$method $3" in
    'GET HTTP/1.'[01] | 'HEAD HTTP/1.'[01])
      if [ "$path" != /healthz ]; then
        code=404 reason='Not Found' body='not found: GET /healthz'
      else
        st=none ts=0 detail=
        [ -r "$D/state" ] && read -r st ts detail <"$D/state"
        now=$(busybox date +%s)
        age=$((now - ts))
        code=503 reason='Service Unavailable'
        case "$st" in
          ok)
            if [ "$age" -le "$MAX_AGE" ]; then
              code=200 reason=OK body="healthy: $detail (probed $\{age}s ago)"
            else
              body="stale: last probe $\{age}s ago (max $\{MAX_AGE}s): $detail"
            fi ;;
          fail) body="unhealthy: $detail (probed $\{age}s ago)" ;;
          *) body='starting: no probe yet' ;;
        esac
      fi ;;
    *' HTTP/1.'[01]) code=405 reason='Method Not Allowed' body='method not allowed: GET /healthz' ;;
  esac
  printf 'HTTP/1.0 %s %s\r\nContent-Type: text/plain\r\nContent-Length: %s\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n' \
    "$code" "$reason" "$(($\{#body} + 1))"
  [ "$method" = HEAD ] || printf '%s\n' "$body"
}

# --- probes: each sets $why and returns 0 when the server is serving -------------------------------------------------
probe_bound() {
  hex=$(printf '%04X' "$1")
  files=
  for f in /proc/net/udp /proc/net/udp6; do [ -r "$f" ] && files="$files $f"; done
  # local_address is HEXIP:HEXPORT (column 2); the first line of each file is a header
  if busybox awk -v p=":$hex" 'FNR > 1 && substr($2, length($2) - 4) == p { found = 1; exit } END { exit !found }' $files; then
    why="udp/$1 bound"
    return 0
  fi
  why="udp/$1 not bound"
  return 1
}

probe_exchange() {
  # $1 host, $2 port, $3 timeout, $4 payload (printf-escaped), $5 expected pattern (printf-escaped) or "-"
  # netcat relays the reply into a FIFO; the probe keeps the first read of it (the first datagram, up to 4096 bytes)
  # and ends netcat at once: netcat itself would wait for more datagrams for twice its -w. No reply: timeout ends
  # netcat after $3 seconds. A closed port is refused at once (ICMP port unreachable), and netcat exits.
  # (dd opens the FIFO itself: a signal to this shell, such as the end of printf, would interrupt the shell's open.)
  printf "$4" | busybox timeout "$3" $NC -n -u -w "$3" "$1" "$2" 2>/dev/null >"$D/udp" &
  nc_pid=$!
  busybox dd if="$D/udp" of="$D/reply" bs=4096 count=1 2>/dev/null
  kill "$nc_pid" 2>/dev/null
  wait "$nc_pid" 2>/dev/null
  size=$(busybox wc -c <"$D/reply")
  if [ "$size" -eq 0 ]; then
    why="udp/$2 no reply within $\{3}s"
    return 1
  fi
  if [ "$5" != - ] && ! busybox grep -q -E -e "$(printf "$5")" "$D/reply"; then
    why="udp/$2 reply does not match"
    return 1
  fi
  why="udp/$2 replied"
  return 0
}

probe_dns() {
  # $1 host, $2 port, $3 timeout, $4 name, $5 type, $6 accepted rcodes
  out=$(busybox nslookup -type="$5" -port="$2" -timeout="$3" -retry=2 "$4" "$1" 2>&1)
  case "$out" in
    *"server can't find "*)
      rcode=$\{out#*"server can't find "}
      rcode=$\{rcode#*": "}
      rcode=$\{rcode%%[!A-Z]*} ;;
    *"Server:"*) rcode=NOERROR ;;
    *)
      why="udp/$2 no DNS response within $\{3}s"
      return 1 ;;
  esac
  case ",$6," in
    *",$rcode,"*)
      why="udp/$2 DNS $rcode"
      return 0 ;;
  esac
  why="udp/$2 DNS $rcode (want $6)"
  return 1
}

probe_all() {
  status=ok
  detail=
  IFS=$NL
  for line in $UDP_HEALTH_PROBES; do
    IFS=' '
    set -- $line
    why="unknown probe $1"
    case "$1" in
      bound) probe_bound "$2" ;;
      exchange) probe_exchange "$2" "$3" "$4" "$5" "$6" ;;
      dns) probe_dns "$2" "$3" "$4" "$5" "$6" "$7" ;;
      *) false ;;
    esac || status=fail
    detail="$\{detail:+$detail; }$why"
  done
  IFS=' '
}

# --- listeners ------------------------------------------------------------------------------------------------------
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

start_http() {
  busybox nc -ll -p "$HTTP_PORT" -e busybox sh "$0" http &
  http_pid=$!
}

start_tcp() {
  busybox nc -ll -p "$TCP_PORT" -e busybox echo healthy &
  tcp_pid=$!
}

stop_tcp() {
  alive "$tcp_pid" && kill "$tcp_pid"
  tcp_pid=
}

cleanup() {
  alive "$http_pid" && kill "$http_pid"
  stop_tcp
  exit 0
}

main() {
  case "$P" in '' | 0 | *[!0-9]*) echo "udp-health: UDP_HEALTH_PERIOD must be whole seconds (1 or more), not '$P'" >&2; exit 2 ;; esac
  [ -n "$UDP_HEALTH_PROBES" ] || { echo 'udp-health: UDP_HEALTH_PROBES is empty' >&2; exit 2; }
  [ -n "$HTTP_PORT$TCP_PORT" ] || { echo 'udp-health: set UDP_HEALTH_HTTP_PORT or UDP_HEALTH_TCP_PORT' >&2; exit 2; }
  busybox rm -f "$D/state" "$D/state.tmp" "$D/reply" "$D/tick" "$D/udp"
  # The pause between rounds is a read with a timeout on a FIFO nobody writes to: no sleep process stays resident,
  # and a trapped SIGTERM ends the read at once. The exchange probes read netcat's output from the other FIFO.
  busybox mkfifo "$D/tick" "$D/udp" || exit 2
  exec 3<>"$D/tick"
  http_pid= tcp_pid= last=
  trap cleanup TERM INT HUP
  while :; do
    [ -n "$HTTP_PORT" ] && ! alive "$http_pid" && start_http
    probe_all
    printf '%s %s %s\n' "$status" "$(busybox date +%s)" "$detail" >"$D/state.tmp"
    busybox mv -f "$D/state.tmp" "$D/state"
    if [ "$status" = ok ]; then
      [ -n "$TCP_PORT" ] && ! alive "$tcp_pid" && start_tcp
    else
      stop_tcp
    fi
    [ "$status" != "$last" ] && echo "udp-health: $status: $detail"
    last=$status
    read -r -t "$P" tick <&3
  done
}

case "$1" in
  http) serve_http ;;
  *) main ;;
esac
`;

/**
 * The sidecar's shell script, exactly as the construct puts it into the ConfigMap (key `udp-health.sh`).
 *
 * It runs under busybox `sh` and calls only applets of busybox's default configuration, which the official `busybox`
 * image uses: `nc -ll -e`, `nc -n -u -w` (busybox's netcat 1.10 port), `nslookup -port= -timeout= -retry=`, `awk`,
 * `date`, `mv`, `rm`, `mkfifo`, `dd`, `timeout`, `wc -c`, `grep -q -E`, and the shell's own `read -t`, `printf`, `kill`
 * and `wait`. The exchange mode's UDP client is `UDP_HEALTH_NC` (default `busybox nc`; Debian's busybox package builds
 * its netcat without `-u`).
 */
export const SIDECAR_SCRIPT: string = SOURCE.replace(/\$\\\{/g, '$' + '{');
