// The websocket to `finwijzer serve` (docs/protocol.md): connects, resumes the session after a
// reconnect (token in sessionStorage), and retries with exponential back-off (1 s, 2 s, 4 s … 30 s).

const TOKEN_KEY = 'finwijzer.session';
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

function readToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage blocked: every connection starts a new session
  }
}

function writeToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage blocked: nothing to keep
  }
}

/** Close code the server sends when another connection takes the session over. */
export const SESSION_TAKEN_OVER = 4001;

/** The websocket address next to the page: ws://host/ws or wss://host/ws, with the session token. */
export function socketUrl(location, token) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = token && /^[0-9a-f]+$/i.test(token) ? `?session=${token}` : '';
  return `${scheme}//${location.host}/ws${query}`;
}

/** The delay before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s, … at most 30 s. */
export function backoffDelay(attempt) {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 15));
}

/**
 * A connection that keeps itself open.
 * onMessage(object) gets every JSON message; onState(state) gets 'connecting', 'open' or 'closed'.
 */
export class Connection {
  constructor({ onMessage, onState, location = window.location }) {
    this.onMessage = onMessage;
    this.onState = onState;
    this.location = location;
    this.socket = null;
    this.attempt = 0;
    this.timer = null;
    this.state = 'connecting'; // until the first welcome; after a drop: 'closed' until the next one
  }

  start() {
    this.open();
    // Coming back from the background or the network: try at once instead of waiting out the delay.
    window.addEventListener('online', () => this.retryNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.retryNow();
    });
  }

  get isOpen() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends one message; false when there is no open connection (the caller tells the user). */
  send(message) {
    if (!this.isOpen) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Forget the session token, e.g. when the server starts a new session. */
  forgetSession() {
    writeToken(null);
  }

  setState(state) {
    if (state === this.state) return;
    this.state = state;
    this.onState(state, { attempt: this.attempt });
  }

  open() {
    clearTimeout(this.timer);
    this.timer = null;
    let socket;
    try {
      socket = new WebSocket(socketUrl(this.location, readToken()));
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      // 4001: another window took this conversation over. Reconnecting would take it back and
      // start a tug of war between the two windows, so wait for the user instead.
      if (event.code === SESSION_TAKEN_OVER) {
        this.setState('taken');
        return;
      }
      this.setState('closed');
      this.scheduleReconnect();
    });
    // An error is always followed by close: nothing to do here.
  }

  receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return; // not ours to show: the server only sends JSON objects
    }
    if (!message || typeof message !== 'object') return;
    if (message.type === 'welcome') {
      writeToken(message.session);
      this.attempt = 0;
      this.setState('open');
    }
    this.onMessage(message);
  }

  scheduleReconnect() {
    if (this.timer !== null) return;
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.open();
    }, delay);
  }

  retryNow() {
    if (this.socket !== null || this.timer === null || this.state === 'taken') return;
    this.open();
  }
}
