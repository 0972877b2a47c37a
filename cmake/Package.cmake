# The Debian packages, one per install component: `cpack -G DEB` in the build directory makes
# brugpunt_VERSION_ARCH.deb (component kiosk) and brugpunt-balie_VERSION_ARCH.deb (component balie,
# for the municipality's server); `-D CPACK_COMPONENTS_ALL=balie` makes only the latter.
set(DIST ${CMAKE_SOURCE_DIR}/src/app/dist)

install(TARGETS brugpunt RUNTIME DESTINATION bin COMPONENT kiosk)
install(DIRECTORY ${BRUGPUNT_ASSETS_OUT}/ DESTINATION share/brugpunt/assets COMPONENT kiosk
    PATTERN ".stamp" EXCLUDE PATTERN ".data-stamp" EXCLUDE)
install(FILES ${DIST}/brugpunt.service DESTINATION /lib/systemd/system COMPONENT kiosk)
install(FILES ${DIST}/brugpunt.conf DESTINATION /etc/brugpunt COMPONENT kiosk)
install(FILES ${DIST}/copyright DESTINATION share/doc/brugpunt COMPONENT kiosk)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION share/doc/brugpunt COMPONENT kiosk)

# Debian wants a compressed changelog (changelog.gz: a native package) and man page, reproducibly.
configure_file(${DIST}/changelog.in ${CMAKE_BINARY_DIR}/dist/changelog.Debian @ONLY)
add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/dist/changelog.gz ${CMAKE_BINARY_DIR}/dist/brugpunt.1.gz
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_BINARY_DIR}/dist/changelog.Debian ${CMAKE_BINARY_DIR}/dist/changelog
    COMMAND gzip -n -9 -f ${CMAKE_BINARY_DIR}/dist/changelog
    COMMAND ${CMAKE_COMMAND} -E copy ${DIST}/brugpunt.1 ${CMAKE_BINARY_DIR}/dist/brugpunt.1
    COMMAND gzip -n -9 -f ${CMAKE_BINARY_DIR}/dist/brugpunt.1
    DEPENDS ${CMAKE_BINARY_DIR}/dist/changelog.Debian ${DIST}/brugpunt.1
    VERBATIM)
add_custom_target(brugpunt_docs ALL DEPENDS ${CMAKE_BINARY_DIR}/dist/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/dist/changelog.gz DESTINATION share/doc/brugpunt COMPONENT kiosk)
install(FILES ${CMAKE_BINARY_DIR}/dist/brugpunt.1.gz DESTINATION share/man/man1 COMPONENT kiosk)

# Balie: the same steps for its own package, from src/balie/dist.
set(BALIE_DIST ${CMAKE_SOURCE_DIR}/src/balie/dist)
set(BALIE_DOC share/doc/brugpunt-balie)
install(TARGETS brugpunt-balie RUNTIME DESTINATION bin COMPONENT balie)
install(FILES ${BALIE_DIST}/brugpunt-balie.service DESTINATION /lib/systemd/system COMPONENT balie)
install(FILES ${BALIE_DIST}/balie.conf DESTINATION /etc/brugpunt-balie COMPONENT balie)
install(FILES ${BALIE_DIST}/nginx-balie.conf DESTINATION ${BALIE_DOC}/examples COMPONENT balie)
install(FILES ${BALIE_DIST}/copyright ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${BALIE_DOC} COMPONENT balie)
# The languages' names for requests and charts, on a server without the kiosk's package.
install(DIRECTORY ${BRUGPUNT_ASSETS_OUT}/translations/ DESTINATION share/brugpunt-balie/translations COMPONENT balie)
configure_file(${BALIE_DIST}/changelog.in ${CMAKE_BINARY_DIR}/dist/balie/changelog.Debian @ONLY)
add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/dist/balie/changelog.gz ${CMAKE_BINARY_DIR}/dist/balie/brugpunt-balie.1.gz
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_BINARY_DIR}/dist/balie/changelog.Debian ${CMAKE_BINARY_DIR}/dist/balie/changelog
    COMMAND gzip -n -9 -f ${CMAKE_BINARY_DIR}/dist/balie/changelog
    COMMAND ${CMAKE_COMMAND} -E copy ${BALIE_DIST}/brugpunt-balie.1 ${CMAKE_BINARY_DIR}/dist/balie/brugpunt-balie.1
    COMMAND gzip -n -9 -f ${CMAKE_BINARY_DIR}/dist/balie/brugpunt-balie.1
    DEPENDS ${CMAKE_BINARY_DIR}/dist/balie/changelog.Debian ${BALIE_DIST}/brugpunt-balie.1
    VERBATIM)
add_custom_target(brugpunt_balie_docs ALL DEPENDS ${CMAKE_BINARY_DIR}/dist/balie/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/dist/balie/changelog.gz DESTINATION ${BALIE_DOC} COMPONENT balie)
install(FILES ${CMAKE_BINARY_DIR}/dist/balie/brugpunt-balie.1.gz DESTINATION share/man/man1 COMPONENT balie)

set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk balie)
set(CPACK_PACKAGE_NAME brugpunt)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Brugpunt developers <brugpunt@example.org>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would put that one line above both packages'
# descriptions. Each description's first line is its summary.

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME brugpunt)
set(CPACK_DEBIAN_KIOSK_DESCRIPTION "touch-screen leisure information kiosk for town halls
Brugpunt shows a municipality's leisure offer (sports clubs, youth movements,
playgrounds, music academy, language camps, Dutch practice, volunteering) in
plain Dutch with pictograms and speech, and lets a visitor ask the desk to
call back. It runs as a systemd service on the console of a small board.")
# SDL loads EGL and GBM, and the ImGui OpenGL backend loads libGL, at run time; shlibdeps cannot see that.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "adduser, fonts-dejavu-core, fonts-noto-core, espeak-ng-data, libegl1, libgbm1, libgl1, libgl1-mesa-dri")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA "${DIST}/postinst;${DIST}/prerm;${DIST}/postrm;${DIST}/conffiles")

set(CPACK_DEBIAN_BALIE_PACKAGE_NAME brugpunt-balie)
set(CPACK_DEBIAN_BALIE_PACKAGE_SECTION web)
set(CPACK_DEBIAN_BALIE_DESCRIPTION "desk's web app for Brugpunt kiosks
Balie receives the callback requests that Brugpunt kiosks deliver, and their
heartbeats, and serves the desk's inbox, the kiosk fleet, accounts and an
audit log to a browser. It runs as a sandboxed systemd service on loopback,
behind nginx with TLS (an example site is included). Personal data is kept
only in open requests and erased when a request is closed.")
# shlibdeps finds SQLite, libsodium and the C++ runtime; postinst makes the user with adduser.
set(CPACK_DEBIAN_BALIE_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_BALIE_PACKAGE_SUGGESTS "nginx")
set(CPACK_DEBIAN_BALIE_PACKAGE_CONTROL_EXTRA
    "${BALIE_DIST}/postinst;${BALIE_DIST}/prerm;${BALIE_DIST}/postrm;${BALIE_DIST}/conffiles")
include(CPack)

# Not part of the default test suite: builds the kiosk image and boots it under qemu
# (kiosk-image/README.md). `cmake --build build --target boot-test`, as root.
set(BRUGPUNT_DEB ${CMAKE_BINARY_DIR}/package/brugpunt_${PROJECT_VERSION}_amd64.deb)
add_custom_target(boot-test
    COMMAND ${CMAKE_CPACK_COMMAND} -G DEB --config ${CMAKE_BINARY_DIR}/CPackConfig.cmake -B ${CMAKE_BINARY_DIR}/package
    COMMAND ${CMAKE_SOURCE_DIR}/kiosk-image/boot-test.sh ${BRUGPUNT_DEB} ${CMAKE_BINARY_DIR}/image-test
    DEPENDS brugpunt brugpunt_assets brugpunt_docs
    USES_TERMINAL
    COMMENT "Building the kiosk image and booting it under qemu")
