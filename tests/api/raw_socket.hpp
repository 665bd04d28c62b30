// Raw loopback TCP connections for tests that must control every byte (slow clients, declared lengths).
#pragma once
#include <string>

namespace medpics::test {

// A connected, non-blocking TCP socket to 127.0.0.1:port (closed at destruction).
class RawConnection {
 public:
  explicit RawConnection(int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  bool connected() const { return fd_ >= 0; }
  // Sends what the socket takes now; false once the peer has closed or reset the connection.
  bool send(const std::string& bytes);
  // True when the server has closed the connection (end of stream or reset); reads and discards data.
  bool closedByPeer();
  // Reads until "\r\n\r\n" plus nothing more, or the timeout; returns what arrived.
  std::string readHead(double seconds);

 private:
  int fd_ = -1;
};

// Resident memory of a process in bytes (VmRSS of /proc/<pid>/status), 0 when unreadable.
size_t residentBytes(int pid);

}  // namespace medpics::test
