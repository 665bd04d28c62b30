# Installation layout and the Debian package: programs in bin/, their data in share/medpics/, desktop integration.
set(MEDPICS_SHARE ${CMAKE_INSTALL_DATADIR}/medpics)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/shaders/ DESTINATION ${MEDPICS_SHARE}/shaders)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION ${MEDPICS_SHARE}/assets)
# The detection networks are fetched (scripts/fetch-models.sh, npm) into models/, never committed: the install and
# the .deb take whatever is there when they run.
if(NOT EXISTS "${MEDPICS_MODELS_SOURCE}/blazeface_back_256.onnx")
  message(WARNING "models: none in ${MEDPICS_MODELS_SOURCE} (run scripts/fetch-models.sh before installing or "
                  "packaging, or set MEDPICS_MODELS_SOURCE): the installed programs would use the classical detectors")
endif()
install(DIRECTORY ${MEDPICS_MODELS_SOURCE}/ DESTINATION ${MEDPICS_SHARE}/models OPTIONAL FILES_MATCHING PATTERN "*.onnx")

install(FILES ${PROJECT_SOURCE_DIR}/assets/applications/medpics-desk.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/assets/metainfo/fr.medpics.Desk.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/assets/icons/medpics-desk.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 16 32 48 64 128 256)
  install(FILES ${PROJECT_SOURCE_DIR}/assets/icons/medpics-desk-${size}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME medpics-desk.png)
endforeach()

# `cpack -G DEB` in the build folder: medpics_<version>_<arch>.deb installing under /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME medpics)
set(CPACK_PACKAGE_VENDOR MedPics)
set(CPACK_PACKAGE_CONTACT "MedPics <equipe@medpics.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "MedPics Desk: clinical image moderation and member verification")
set(CPACK_PACKAGE_DESCRIPTION "The MedPics staff workstation (medpics-desk), its command-line tool (medpics) and the sandbox platform server (medpics-platform).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # libraries: dpkg-shlibdeps reads them off the binaries
# Data the programs read at run time that no library dependency brings in.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tesseract-ocr-fra, tesseract-ocr-eng, opencv-data, wfrench, fonts-dejavu-core, fonts-fork-awesome, ca-certificates")
include(CPack)
