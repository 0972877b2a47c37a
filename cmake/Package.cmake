# The Debian package: `cpack -G DEB` in the build directory makes build/brugpunt_VERSION_ARCH.deb.
set(DIST ${CMAKE_SOURCE_DIR}/src/app/dist)

install(TARGETS brugpunt RUNTIME DESTINATION bin)
install(DIRECTORY ${BRUGPUNT_ASSETS_OUT}/ DESTINATION share/brugpunt/assets
    PATTERN ".stamp" EXCLUDE PATTERN ".data-stamp" EXCLUDE)
install(FILES ${DIST}/brugpunt.service DESTINATION /lib/systemd/system)
install(FILES ${DIST}/brugpunt.conf DESTINATION /etc/brugpunt)
install(FILES ${DIST}/copyright DESTINATION share/doc/brugpunt)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION share/doc/brugpunt)

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
install(FILES ${CMAKE_BINARY_DIR}/dist/changelog.gz DESTINATION share/doc/brugpunt)
install(FILES ${CMAKE_BINARY_DIR}/dist/brugpunt.1.gz DESTINATION share/man/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME brugpunt)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touch-screen leisure information kiosk for town halls")
set(CPACK_PACKAGE_DESCRIPTION "Brugpunt shows a municipality's leisure offer (sports clubs, youth movements,
playgrounds, music academy, language camps, Dutch practice, volunteering) in
plain Dutch with pictograms and speech, and lets a visitor ask the desk to
call back. It runs as a systemd service on the console of a small board.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Brugpunt developers <brugpunt@example.org>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# SDL loads EGL and GBM, and the ImGui OpenGL backend loads libGL, at run time; shlibdeps cannot see that.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, fonts-dejavu-core, fonts-noto-core, espeak-ng-data, libegl1, libgbm1, libgl1, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${DIST}/postinst;${DIST}/prerm;${DIST}/postrm;${DIST}/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
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
